using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.Providers.Recognition;
using VoiceFunctions.MediaHost.Providers;
using static VoiceFunctions.MediaHost.Tests.Agent.FakeLanguageModel;

namespace VoiceFunctions.MediaHost.Tests.Agent;

/// <summary>
/// What a call tells its recogniser: the line's audio rate from the negotiated codec (a G.711 call reaches the
/// recogniser as 16 kHz frames, but has nothing above 4 kHz), and one speaker for all of the caller's utterances
/// (the offline decoder keeps its normalisation per speaker).
/// </summary>
public sealed class RecognitionRequestOfACallTests
{
    [Theory]
    [InlineData("PCMU/8000", 8_000)]
    [InlineData("PCMA/8000", 8_000)]
    [InlineData("G722/8000", 16_000)]
    [InlineData("opus/48000/2", 48_000)]
    public async Task Every_utterance_of_a_call_is_recognised_as_one_speaker_on_the_calls_line(string codec, int lineRate)
    {
        var call = new TestCallSession(maxFrames: 600) { Codec = codec };
        var recognition = new RequestRecordingRecognition(new BatchRecognitionAdapter(new FakeSpeechToText("What are your opening hours?", "How much does it cost?"), "fake-stt"));
        var h = new AgentHarness(call, new FakeSpeechToText(), new FakeLanguageModel((_, _) => [Text("Sure.")]), new FakeTextToSpeech(), recognition: recognition);
        call.OnFrame = i =>
        {
            if (i is 40 or 250)
            {
                call.Say(SyntheticAudio.Voice(-20, 800));
            }
        };

        await h.RunAsync();

        Assert.Equal(2, recognition.Requests.Count);
        Assert.All(recognition.Requests, request => Assert.Equal(lineRate, request.LineRate));
        Assert.NotNull(recognition.Requests[0].Speaker);
        Assert.Same(recognition.Requests[0].Speaker, recognition.Requests[1].Speaker);
        Assert.Equal(codec.StartsWith("PCM", StringComparison.Ordinal), recognition.Requests[0].IsPhoneBand);
    }

    [Fact]
    public void A_codec_the_host_does_not_know_has_no_line_rate_and_counts_as_phone_band()
    {
        Assert.Equal(0, AudioCodecs.AudioRateOf("G729/8000"));
        Assert.True(RecognitionRequest.For("en-US", lineRate: 0).IsPhoneBand);
    }

    /// <summary>Passes every stream through, keeping the request it was opened with.</summary>
    private sealed class RequestRecordingRecognition(IStreamingSpeechToText inner) : IStreamingSpeechToText
    {
        public List<RecognitionRequest> Requests { get; } = [];

        public string Name => inner.Name;

        public ValueTask<IRecognitionStream> StartAsync(RecognitionRequest request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add(request);
            }
            return inner.StartAsync(request, cancellationToken);
        }
    }
}
