using System.Collections.Concurrent;
using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Providers.Fakes;

/// <summary>
/// What a TTS fake says when the script asks for speech rather than a tone: the requested text as espeak-ng (ru-RU)
/// renders it at 16 kHz, rendered once per text and kept for the test run, so a test can compare what the caller
/// heard with the same rendering (its duration and energy envelope; no Russian recogniser is available here).
/// </summary>
internal static class FakeSpeech
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<short[]>>> Rendered = new();

    /// <summary>The text as espeak-ng says it in Russian, 16 kHz mono.</summary>
    public static Task<short[]> RenderAsync(string text)
    {
        RequiredTool.Command("espeak-ng", "scripts/install-test-deps.sh (Debian espeak-ng)");
        return Rendered.GetOrAdd(text.Trim(), t => new Lazy<Task<short[]>>(() =>
            OfflineProvidersTests.SpeakAsync(new EspeakTextToSpeech(new EspeakOptions()), t, "ru-RU"))).Value;
    }

    /// <summary>The rendering at <paramref name="rate"/>, 16-bit little-endian, cut in <paramref name="chunks"/> odd-sized pieces as a vendor's body would be.</summary>
    public static async Task<List<byte[]>> ChunksAsync(string text, int rate, int chunks)
    {
        var speech = await RenderAsync(text);
        if (rate != 16_000)
        {
            var resampler = new Resampler(16_000, rate);
            var resampled = new short[resampler.MaxOutputFor(speech.Length)];
            speech = resampled[..resampler.Process(speech, resampled)];
        }
        var pcm = new byte[speech.Length * 2];
        for (var i = 0; i < speech.Length; i++)
        {
            pcm[2 * i] = (byte)speech[i];
            pcm[2 * i + 1] = (byte)(speech[i] >> 8);
        }
        var size = (pcm.Length / chunks + 1) | 1;
        var pieces = new List<byte[]>();
        for (var offset = 0; offset < pcm.Length; offset += size)
        {
            pieces.Add(pcm.AsSpan(offset, Math.Min(size, pcm.Length - offset)).ToArray());
        }
        return pieces;
    }
}
