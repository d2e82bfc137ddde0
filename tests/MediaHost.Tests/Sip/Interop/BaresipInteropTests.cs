using System.Diagnostics;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Sip.Interop;

/// <summary>baresip (a real softphone) calls our stack, negotiates G.711, holds the call for a few seconds and hangs up.</summary>
[Trait("Category", "Interop")]
public sealed class BaresipInteropTests
{
    [SkippableFact]
    public async Task Baresip_calls_us_negotiates_PCMU_and_its_hang_up_ends_the_call()
    {
        var baresip = RequiredTool.Command("baresip", "the Debian package baresip-core (scripts/install-test-deps.sh)");
        var codec = new TaskCompletionSource<string>();
        var ended = new TaskCompletionSource<CallEnded>();
        var handler = new ScriptedCallHandler(async call =>
        {
            codec.TrySetResult(call.Call.Codec);
            var session = await call.AnswerAsync(CancellationToken.None);
            ended.TrySetResult(await session.Ended);
        });
        using var server = new LoopbackSipServer(handler);
        var home = Directory.CreateTempSubdirectory("baresip-").FullName;
        try
        {
            var rtp = Sipp.FreeUdpPort();
            File.WriteAllText(Path.Combine(home, "config"), string.Join('\n',
                "poll_method epoll",
                $"sip_listen 127.0.0.1:{Sipp.FreeUdpPort()}",
                $"audio_player aufile,{Path.Combine(home, "received.wav")}",
                $"audio_source aufile,{Path.Combine(home, "tone.wav")}",
                $"audio_alert aufile,{Path.Combine(home, "alert.wav")}",
                $"rtp_ports {rtp}-{rtp + 1}",
                "module_path /usr/lib/baresip/modules",
                "module g711.so",
                "module aufile.so",
                "module_app account.so",
                "module_app menu.so",
                ""));
            File.WriteAllText(Path.Combine(home, "accounts"), "<sip:caller@127.0.0.1>;regint=0\n");
            WriteTone(Path.Combine(home, "tone.wav"));
            var info = new ProcessStartInfo(baresip) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = home };
            foreach (var arg in new[] { "-f", home, "-e", $"/dial sip:+15550001111@{server.Endpoint}", "-t", "4" })
            {
                info.ArgumentList.Add(arg);
            }
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            try
            {
                Assert.Equal("PCMU/8000", await codec.Task.DefaultTimeout());
                var end = await ended.Task.DefaultTimeout();
                Assert.Equal(CallEndReason.CallerHangUp, end.Reason);
                await process.WaitForExitAsync().DefaultTimeout();
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
            Assert.Contains("Set audio decoder: PCMU 8000Hz", await output);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    /// <summary>Two seconds of a 440 Hz tone, 8 kHz mono 16-bit PCM, for baresip's file audio source.</summary>
    private static void WriteTone(string path)
    {
        const int rate = 8000;
        var samples = new short[rate * 2];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / rate));
        }
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write("RIFF"u8);
        writer.Write(36 + samples.Length * 2);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(rate);
        writer.Write(rate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(samples.Length * 2);
        foreach (var sample in samples)
        {
            writer.Write(sample);
        }
    }
}
