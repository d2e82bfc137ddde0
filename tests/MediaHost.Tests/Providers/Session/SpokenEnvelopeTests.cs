using VoiceFunctions.MediaHost.Tests.Providers.Fakes;

namespace VoiceFunctions.MediaHost.Tests.Providers.Session;

/// <summary>
/// The envelope comparison the Russian dialog test relies on: the same speech heard with playout gaps (what a loaded
/// machine produces) still matches its rendering; another sentence does not.
/// </summary>
public sealed class SpokenEnvelopeTests
{
    private const string Answer = "Ваш баланс сто двадцать рублей. Чем ещё могу помочь?";

    [SkippableFact]
    public async Task The_same_speech_with_two_playout_gaps_still_matches_its_rendering()
    {
        var reference = SpokenEnvelope.Trimmed(SpokenEnvelope.Frames16k(await FakeSpeech.RenderAsync(Answer)));
        var third = reference.Length / 3;
        // 12 silent frames a third of the way in and 8 more two thirds in: two underruns of the playout queue.
        double[] heard = [.. reference[..third], .. Enumerable.Repeat(-60.0, 12), .. reference[third..(2 * third)], .. Enumerable.Repeat(-60.0, 8), .. reference[(2 * third)..]];

        Assert.True(SpokenEnvelope.WindowedCorrelation(heard, reference) > 0.9);
    }

    [SkippableFact]
    public async Task Another_sentence_does_not_match_the_rendering()
    {
        var reference = SpokenEnvelope.Trimmed(SpokenEnvelope.Frames16k(await FakeSpeech.RenderAsync(Answer)));
        var other = SpokenEnvelope.Trimmed(SpokenEnvelope.Frames16k(await FakeSpeech.RenderAsync("Соединяю вас с оператором, пожалуйста, подождите на линии.")));

        Assert.True(SpokenEnvelope.WindowedCorrelation(other, reference) < 0.7);
    }
}
