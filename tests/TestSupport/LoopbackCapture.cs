using System.Diagnostics;

namespace VoiceFunctions.TestSupport;

/// <summary>
/// Captures UDP datagrams on the loopback interface with the real tshark (dumpcap), filtered to a source port range,
/// and reads back the RTP payloads in arrival order: what a peer really received from us on the wire.
/// </summary>
public sealed class LoopbackCapture : IDisposable
{
    private readonly Process _process;
    private readonly string _file;

    private LoopbackCapture(Process process, string file)
    {
        _process = process;
        _file = file;
    }

    public static async Task<LoopbackCapture> StartAsync(int sourcePortMin, int sourcePortMax)
    {
        var tshark = RequiredTool.Command("tshark", "the Debian package tshark (scripts/install-test-deps.sh)");
        var file = Path.Combine(Path.GetTempPath(), $"rtp-{Guid.NewGuid():N}.pcap");
        var info = new ProcessStartInfo(tshark) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-i", "lo", "-q", "-F", "pcap", "-w", file, "-f", $"udp src portrange {sourcePortMin}-{sourcePortMax}" })
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info)!;
        // tshark prints "Capturing on 'Loopback: lo'" once the capture is running.
        var deadline = Task.Delay(TimeSpan.FromSeconds(15));
        var ready = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                if (line.Contains("Capturing on", StringComparison.Ordinal))
                {
                    return true;
                }
            }
            return false;
        });
        if (await Task.WhenAny(ready, deadline) != ready || !await ready)
        {
            process.Kill(entireProcessTree: true);
            RequiredTool.Missing("tshark could not capture on the loopback interface (needs capture permission)");
        }
        _ = process.StandardError.ReadToEndAsync();
        return new LoopbackCapture(process, file);
    }

    /// <summary>Stops the capture and returns each captured datagram's UDP payload, in order.</summary>
    public async Task<List<byte[]>> StopAsync()
    {
        await Task.Delay(300); // let the last packets reach the capture
        if (!_process.HasExited)
        {
            Process.Start("kill", ["-INT", _process.Id.ToString()])!.WaitForExit();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
        }
        var tshark = RequiredTool.Command("tshark", "the Debian package tshark");
        var info = new ProcessStartInfo(tshark) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-r", _file, "-T", "fields", "-e", "udp.payload" })
        {
            info.ArgumentList.Add(arg);
        }
        using var reader = Process.Start(info)!;
        var text = await reader.StandardOutput.ReadToEndAsync();
        await reader.WaitForExitAsync();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => Convert.FromHexString(line.Trim().Replace(":", "")))
            .ToList();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
        File.Delete(_file);
    }
}
