using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Tests.Media.Interop;
using VoiceFunctions.MediaHost.Tests.Support;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Providers.Session;

/// <summary>
/// A baresip caller (PCMU) whose microphone is Russian speech from espeak-ng: <see cref="LeadSeconds"/> of silence
/// (the greeting plays), the question, then silence that outlasts the call. baresip records what it decodes.
/// </summary>
internal static class RussianCaller
{
    public const string Question = "Здравствуйте, я хочу узнать баланс.";

    /// <summary>Silence before the question: the greeting, even one that failed over after a 2 s deadline, has played.</summary>
    public const double LeadSeconds = 3.5;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static short[]? s_question;

    /// <summary>The question as espeak-ng (ru) says it, at 8 kHz.</summary>
    public static async Task<short[]> QuestionAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (s_question is null)
            {
                RequiredTool.Command("espeak-ng", "scripts/install-test-deps.sh (Debian espeak-ng)");
                var speech = await OfflineProvidersTests.SpeakAsync(new EspeakTextToSpeech(new EspeakOptions()), Question, "ru-RU");
                var resampler = new Resampler(16_000, 8_000);
                var narrow = new short[resampler.MaxOutputFor(speech.Length)];
                s_question = narrow[..resampler.Process(speech, narrow)];
            }
            return s_question;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Starts the caller: it asks the question <paramref name="times"/> times, <paramref name="pauseSeconds"/> apart (after each end).</summary>
    public static async Task<BaresipAudioPeer> StartAsync(int times = 1, double pauseSeconds = 4.5)
    {
        var question = await QuestionAsync();
        var period = question.Length + (int)(8000 * pauseSeconds);
        var microphone = new short[(int)(8000 * LeadSeconds) + times * period + 8000 * 30];
        for (var i = 0; i < times; i++)
        {
            question.CopyTo(microphone, (int)(8000 * LeadSeconds) + i * period);
        }
        return await BaresipAudioPeer.StartAsync("PCMU", microphone);
    }
}
