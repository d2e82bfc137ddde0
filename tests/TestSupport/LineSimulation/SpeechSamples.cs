using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace VoiceFunctions.TestSupport.LineSimulation;

/// <summary>
/// Real speech for the line simulator, made at test time with espeak-ng (several voices) and resampled to 16 kHz mono
/// by sox; each (voice, text) is made once per machine and kept in the temp folder.
/// </summary>
public static class SpeechSamples
{
    /// <summary>Voices for babble and for telling talkers apart; all ship with Debian's espeak-ng.</summary>
    public static readonly string[] BabbleVoices = ["en-us", "en-gb", "en-us+f3", "de", "fr", "es"];

    public const string AgentText = "Thank you for calling. Your order was shipped this morning and should arrive on Thursday. " +
        "Is there anything else I can help you with today, for example a change of address or a second delivery?";

    public const string CallerText = "Hello, yes, I would like to change my delivery address to the office, please.";

    public static readonly string[] BabbleTexts =
    [
        "The meeting has been moved to three o'clock in the large conference room.",
        "Could you pass me the report from last week, the one with the blue cover?",
        "We should order more coffee before the weekend, we are nearly out.",
        "Ich habe heute keine Zeit, vielleicht morgen nach der Arbeit.",
        "Nous allons au marché samedi matin, tu veux venir avec nous?",
        "El tren sale a las ocho y media desde la estación central.",
    ];

    /// <summary>Checks espeak-ng and sox are present (skip locally, fail in CI).</summary>
    public static void RequireTools()
    {
        RequiredTool.Command("espeak-ng", "scripts/install-test-deps.sh (Debian espeak-ng)");
        RequiredTool.Command("sox", "scripts/install-test-deps.sh (Debian sox)");
    }

    /// <summary>16 kHz mono speech of <paramref name="text"/> in <paramref name="voice"/>, leading/trailing silence kept.</summary>
    public static short[] Speak(string text, string voice = "en-us")
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(voice + "\n" + text)))[..16];
        var cache = Path.Combine(Path.GetTempPath(), "voicefunctions-speech", key + ".s16");
        if (!File.Exists(cache))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(cache)!);
            var wav = cache + "." + Environment.ProcessId + "." + Environment.CurrentManagedThreadId + ".wav";
            Run("espeak-ng", ["-v", voice, "-s", "160", "-w", wav, text]);
            var partial = wav + ".part";
            Run("sox", [wav, "-r", "16000", "-c", "1", "-b", "16", "-e", "signed-integer", "-t", "raw", partial]);
            File.Move(partial, cache, overwrite: true);
            File.Delete(wav);
        }
        var bytes = File.ReadAllBytes(cache);
        var samples = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 2);
        return samples;
    }

    /// <summary>Babble of <see cref="BabbleVoices"/> reading <see cref="BabbleTexts"/>, <paramref name="samples"/> long.</summary>
    public static short[] Babble(int samples) =>
        Noise.Babble(samples, BabbleVoices.Select((voice, i) => Speak(BabbleTexts[i], voice)).ToArray());

    /// <summary>Speech repeated (with 300 ms pauses) until it fills <paramref name="samples"/>.</summary>
    public static short[] Fill(short[] speech, int samples)
    {
        var filled = new short[samples];
        var period = speech.Length + 4800;
        for (var i = 0; i < samples; i++)
        {
            var k = i % period;
            filled[i] = k < speech.Length ? speech[k] : (short)0;
        }
        return filled;
    }

    private static void Run(string command, string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start");
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new TimeoutException($"{command} did not finish within 60 s");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} failed ({process.ExitCode}): {error.Result}");
        }
    }
}
