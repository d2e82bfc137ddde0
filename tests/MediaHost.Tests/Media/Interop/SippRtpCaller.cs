using System.Diagnostics;
using System.Net;
using VoiceFunctions.MediaHost.Tests.Sip.Interop;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Media.Interop;

/// <summary>
/// Runs the real sipp as a caller that streams an audio file over RTP (rtp_stream), in a temporary folder holding
/// the scenario and the audio. Killed on Dispose if still running.
/// </summary>
internal sealed class SippRtpCaller : IDisposable
{
    private static readonly string ScenarioDirectory = Path.Combine(RepoPaths.Root, "tests", "MediaHost.Tests", "Media", "Interop", "Scenarios");

    private readonly Process _process;
    private readonly string _work;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private SippRtpCaller(Process process, string work)
    {
        _process = process;
        _work = work;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Calls <paramref name="target"/> offering <paramref name="codecName"/> and streams <paramref name="audio"/> (G.711 bytes).</summary>
    public static SippRtpCaller Start(IPEndPoint target, string codecName, int payloadType, byte[] audio, int callMilliseconds)
    {
        var sipp = RequiredTool.Command("sipp", "the Debian package sip-tester (scripts/install-test-deps.sh)");
        var work = Directory.CreateTempSubdirectory("sipp-rtp-").FullName;
        // sipp substitutes -key values in messages but not in actions or pauses, so the template is filled in here.
        var scenario = File.ReadAllText(Path.Combine(ScenarioDirectory, "uac-rtp-stream.xml"))
            .Replace("[codec_pt]", payloadType.ToString()).Replace("[codec_name]", codecName).Replace("[call_ms]", callMilliseconds.ToString());
        File.WriteAllText(Path.Combine(work, "uac-rtp-stream.xml"), scenario);
        File.WriteAllBytes(Path.Combine(work, "caller.audio"), audio);
        var info = new ProcessStartInfo(sipp)
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in new[] { target.ToString(), "-sf", "uac-rtp-stream.xml", "-i", "127.0.0.1", "-p", FreePort.NextUdp().ToString(),
                     "-bind_local", "-m", "1", "-timeout", "40s", "-timeout_error", "-trace_err", "-nostdin",
                     "-mi", "127.0.0.1", "-mp", FreePort.NextUdp().ToString(),
                     })
        {
            info.ArgumentList.Add(arg);
        }
        return new SippRtpCaller(Process.Start(info)!, work);
    }

    public async Task<(int ExitCode, string Output)> WaitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var errors = string.Join("\n", Directory.GetFiles(_work, "*_errors.log").Select(File.ReadAllText));
        var stdout = await _stdout;
        return (_process.ExitCode, $"exit {_process.ExitCode}\n{await _stderr}\n{(stdout.Length > 3000 ? stdout[^3000..] : stdout)}\n{errors}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
