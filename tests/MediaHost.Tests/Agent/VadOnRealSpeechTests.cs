using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Tests.Providers;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Agent;

[Collection(MeasurementCollection.Name)]
public sealed class VadOnRealSpeechTests
{
    [SkippableFact]
    public async Task A_spoken_sentence_with_line_noise_is_one_turn_ending_500_ms_after_the_last_word()
    {
        RequiredTool.Command("espeak-ng", "scripts/install-test-deps.sh (Debian espeak-ng)");
        var speech = await OfflineProvidersTests.SpeakAsync(new EspeakTextToSpeech(new EspeakOptions()), "Hello, I would like to book a table for two, please.", "en-US");
        var noise = SyntheticAudio.WhiteNoise(-62, 5000, seed: 7);
        var audio = SyntheticAudio.Concat(SyntheticAudio.Silence(1000), speech, SyntheticAudio.Silence(1500));
        for (var i = 0; i < audio.Length; i++)
        {
            audio[i] = (short)Math.Clamp(audio[i] + noise[i % noise.Length], short.MinValue, short.MaxValue);
        }
        var vad = new EnergyVoiceActivityDetector(new VadOptions());
        var endpointer = new Endpointer(new EndpointingOptions(), "en-US");
        var events = new List<(int Frame, EndpointEvent Event)>();
        var lastSpeechFrame = -1;
        var frame = 0;
        foreach (var samples in SyntheticAudio.Frames(audio))
        {
            var isSpeech = vad.Process(samples).IsSpeech;
            lastSpeechFrame = isSpeech ? frame : lastSpeechFrame;
            var e = endpointer.OnFrame(isSpeech);
            if (e != EndpointEvent.None)
            {
                events.Add((frame, e));
            }
            frame++;
        }

        var ends = events.Where(e => e.Event is EndpointEvent.TurnEndedBySilence).ToList();
        var end = Assert.Single(ends); // pauses between words do not split the sentence
        Assert.Equal(lastSpeechFrame + 25, end.Frame);
        // espeak-ng pads its output with silence: the speech really ends at its last loud sample.
        var lastLoud = Array.FindLastIndex(speech, s => Math.Abs((int)s) > 1000);
        var speechEndFrame = (16_000 + lastLoud) / AudioFormat.SamplesPerFrame;
        Assert.InRange(lastSpeechFrame, speechEndFrame - 8, speechEndFrame + 1); // the last word's tail may fade under the floor
        Assert.InRange(events.First(e => e.Event == EndpointEvent.SpeechStarted).Frame, 50, 60);
    }

    [Fact]
    public void Vad_and_endpointing_do_not_allocate_per_frame()
    {
        var vad = new EnergyVoiceActivityDetector(new VadOptions());
        var endpointer = new Endpointer(new EndpointingOptions(), "ru-RU");
        var frames = SyntheticAudio.Frames(SyntheticAudio.Concat(SyntheticAudio.Voice(-20, 1000), SyntheticAudio.Silence(1000))).ToArray();
        foreach (var f in frames)
        {
            endpointer.OnFrame(vad.Process(f).IsSpeech); // warm-up
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 10; round++)
        {
            foreach (var f in frames)
            {
                endpointer.OnFrame(vad.Process(f).IsSpeech);
            }
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
