using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Recognition;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Agent.Stages;

public sealed class UtteranceRecognitionTests
{
    private static readonly RecognitionRequest English = RecognitionRequest.For("en-US");

    private static short[] Frame(short value) => Enumerable.Repeat(value, AudioFormat.SamplesPerFrame).ToArray();

    [Fact]
    public async Task Frames_reach_the_fake_stream_in_order_and_the_finals_joined_are_the_text()
    {
        var stt = new FakeStreamingSpeechToText();
        var recognition = new UtteranceRecognition(stt, English, new AudioFramePool(), CancellationToken.None);
        for (short i = 1; i <= 3; i++)
        {
            recognition.Push(Frame(i));
        }
        recognition.Complete();
        await stt.Completed.Task.DefaultTimeout(); // the endpoint completes the provider's stream
        stt.Results.Writer.TryWrite(RecognitionResult.Interim("hel"));
        stt.Results.Writer.TryWrite(RecognitionResult.Final("hello"));
        stt.Results.Writer.TryWrite(RecognitionResult.Final(" world "));
        stt.Results.Writer.TryComplete();

        Assert.Equal("hello world", await recognition.Text.DefaultTimeout());
        Assert.Equal([1, 2, 3], stt.Written.Select(f => (int)f[0]));
        await stt.Disposed.Task.DefaultTimeout();
    }

    [Fact]
    public async Task Interims_with_the_finals_so_far_are_the_partial_transcript()
    {
        var stt = new FakeStreamingSpeechToText();
        var recognition = new UtteranceRecognition(stt, English, new AudioFramePool(), CancellationToken.None);
        stt.Results.Writer.TryWrite(RecognitionResult.Final("I would like"));
        stt.Results.Writer.TryWrite(RecognitionResult.Interim("to bo"));
        while (recognition.PartialTranscript != "I would like to bo")
        {
            await Task.Delay(5).DefaultTimeout();
        }
        recognition.Abandon();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => recognition.Text).DefaultTimeout();
    }

    [Fact]
    public async Task The_partial_lag_is_the_audio_pushed_beyond_what_the_recogniser_says_its_partial_covers()
    {
        var stt = new FakeStreamingSpeechToText();
        var recognition = new UtteranceRecognition(stt, English, new AudioFramePool(), CancellationToken.None);
        for (var i = 0; i < 50; i++)
        {
            recognition.Push(Frame(1)); // 1 s of audio
        }
        Assert.Null(recognition.PartialLag); // the recogniser has said nothing of what it covers

        stt.Results.Writer.TryWrite(RecognitionResult.Interim("what time") with { AudioCovered = TimeSpan.FromMilliseconds(600) });
        while (recognition.PartialLag is null) // the coverage is written after the words
        {
            await Task.Delay(5).DefaultTimeout();
        }

        Assert.Equal(TimeSpan.FromMilliseconds(400), recognition.PartialLag);
        Assert.Equal("what time", recognition.PartialTranscript);
        recognition.Abandon();
    }

    [Fact]
    public async Task Abandoning_cancels_a_batch_provider_that_never_answers()
    {
        var batch = new FakeSpeechToText([null]); // hangs until cancelled
        var recognition = new UtteranceRecognition(new BatchRecognitionAdapter(batch, "fake"), English, new AudioFramePool(), CancellationToken.None);
        recognition.Push(Frame(1));
        recognition.Complete();
        while (batch.UtteranceSamples.Count == 0)
        {
            await Task.Delay(5).DefaultTimeout();
        }
        recognition.Abandon();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => recognition.Text).DefaultTimeout();
        Assert.Equal([AudioFormat.SamplesPerFrame], batch.UtteranceSamples);
    }

    [Fact]
    public async Task Speech_abandoned_before_its_endpoint_is_never_transcribed()
    {
        var batch = new FakeSpeechToText("should not be asked");
        var recognition = new UtteranceRecognition(new BatchRecognitionAdapter(batch, "fake"), English, new AudioFramePool(), CancellationToken.None);
        recognition.Push(Frame(1));
        recognition.Abandon(); // a cough: discarded by the endpointer
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => recognition.Text).DefaultTimeout();
        Assert.Empty(batch.UtteranceSamples);
    }

    [Fact]
    public async Task A_provider_failure_is_its_ProviderException()
    {
        var batch = new FakeSpeechToText(new ProviderException("fake-stt", "down", isTransient: true));
        var recognition = new UtteranceRecognition(new BatchRecognitionAdapter(batch, "fake"), English, new AudioFramePool(), CancellationToken.None);
        recognition.Complete();
        var e = await Assert.ThrowsAsync<ProviderException>(() => recognition.Text).DefaultTimeout();
        Assert.Equal("fake-stt", e.Provider);
    }

    [Fact]
    public async Task A_stream_that_cannot_be_opened_is_a_ProviderException()
    {
        var recognition = new UtteranceRecognition(new FakeStreamingSpeechToText { FailStart = true }, English, new AudioFramePool(), CancellationToken.None);
        recognition.Push(Frame(1));
        recognition.Complete();
        await Assert.ThrowsAsync<ProviderException>(() => recognition.Text).DefaultTimeout();
    }
}
