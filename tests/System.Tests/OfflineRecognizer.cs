using System.Diagnostics;
using System.Text;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests;

/// <summary>
/// What the offline STT (pocketsphinx_continuous, en-US model) hears in 16 kHz audio, and where the speech in a
/// recording is: used to check that the agent's reply, as captured on the wire, says the scripted words.
/// </summary>
internal static class OfflineRecognizer
{
    private const int SampleRate = 16_000;
    private const int Frame = SampleRate / 50; // 20 ms

    /// <summary>
    /// Which of <paramref name="lines"/> pocketsphinx hears in <paramref name="pcm"/> (16 kHz mono), lower case, decoded
    /// with a grammar of exactly those lines: tells apart what an agent could have said, which free decoding of
    /// phone-band audio with the 16 kHz model cannot (it heard PCMU's "We are open every day." as "when do").
    /// </summary>
    public static async Task<string> WhichLineAsync(short[] pcm, IEnumerable<string> lines)
    {
        var alternatives = lines.Select(line => new string(line.ToLowerInvariant().Where(c => char.IsLetter(c) || c == ' ' || c == '\'').ToArray()).Trim());
        var grammar = Path.Combine(Path.GetTempPath(), $"lines-{Guid.NewGuid():N}.gram");
        await File.WriteAllTextAsync(grammar, $"#JSGF V1.0;\ngrammar lines;\npublic <line> = {string.Join(" | ", alternatives)};\n");
        try
        {
            return await RecognizeAsync(pcm, "-jsgf", grammar);
        }
        finally
        {
            File.Delete(grammar);
        }
    }

    /// <summary>The words pocketsphinx recognises in <paramref name="pcm"/> (16 kHz mono), lower case.</summary>
    public static async Task<string> RecognizeAsync(short[] pcm, params string[] extraArguments)
    {
        var pocketsphinx = RequiredTool.Command("pocketsphinx_continuous", "the Debian packages pocketsphinx and pocketsphinx-en-us");
        var wav = Path.Combine(Path.GetTempPath(), $"reply-{Guid.NewGuid():N}.wav");
        await File.WriteAllBytesAsync(wav, Wav(pcm));
        try
        {
            var info = new ProcessStartInfo(pocketsphinx) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "-infile", wav, "-logfn", "/dev/null" }.Concat(extraArguments))
            {
                info.ArgumentList.Add(arg);
            }
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
            return string.Join(' ', (await stdout).Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        }
        finally
        {
            File.Delete(wav);
        }
    }

    /// <summary>
    /// The first stretch of speech starting at or after <paramref name="fromSeconds"/>: from its first loud 20 ms frame
    /// until 600 ms of quiet (the end of the sentence), with 200 ms of margin either side. Empty when there is none.
    /// </summary>
    public static short[] FirstSpeechAfter(short[] pcm, double fromSeconds)
    {
        var frames = pcm.Length / Frame;
        var start = -1;
        var quiet = 0;
        for (var f = (int)(fromSeconds * 50); f < frames; f++)
        {
            var loud = Rms(pcm.AsSpan(f * Frame, Frame)) > 500;
            if (start < 0)
            {
                start = loud ? f : -1;
                continue;
            }
            quiet = loud ? 0 : quiet + 1;
            if (quiet >= 30)
            {
                return Slice(pcm, start - 10, f - 20);
            }
        }
        return start < 0 ? [] : Slice(pcm, start - 10, frames);
    }

    private static short[] Slice(short[] pcm, int fromFrame, int toFrame) =>
        pcm.AsSpan(Math.Max(0, fromFrame) * Frame, (Math.Min(toFrame, pcm.Length / Frame) - Math.Max(0, fromFrame)) * Frame).ToArray();

    private static double Rms(ReadOnlySpan<short> frame)
    {
        double sum = 0;
        foreach (var s in frame)
        {
            sum += (double)s * s;
        }
        return Math.Sqrt(sum / frame.Length);
    }

    private static byte[] Wav(short[] pcm)
    {
        using var stream = new MemoryStream();
        using var w = new BinaryWriter(stream, Encoding.ASCII);
        w.Write("RIFF"u8);
        w.Write(36 + pcm.Length * 2);
        w.Write("WAVEfmt "u8);
        w.Write(16);
        w.Write((short)1);
        w.Write((short)1);
        w.Write(SampleRate);
        w.Write(SampleRate * 2);
        w.Write((short)2);
        w.Write((short)16);
        w.Write("data"u8);
        w.Write(pcm.Length * 2);
        foreach (var s in pcm)
        {
            w.Write(s);
        }
        w.Flush();
        return stream.ToArray();
    }
}
