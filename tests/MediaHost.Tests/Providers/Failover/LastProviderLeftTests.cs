using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Configuration;
using VoiceFunctions.MediaHost.Providers.Failover;
using VoiceFunctions.MediaHost.Providers.Recognition;
using VoiceFunctions.MediaHost.Tests.Providers.Conformance;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Providers.Failover;

/// <summary>
/// No apology while a provider of the chain may still answer within the call's deadline: the first-result deadline
/// moves a turn to the next provider, so the last one left (a healthy secondary after a 503, say, slow to start on a
/// loaded machine) is not cut by it; the session's stage deadline bounds it.
/// </summary>
public sealed class LastProviderLeftTests
{
    private static readonly FailoverOptions Options = new() { FirstResultDeadlineMs = 1500, MaxRetries = 0, ProbeIntervalSeconds = 3600 };
    private static readonly ProviderException Refusal = new("primary", "HTTP 503", isTransient: true, 503);

    private readonly FakeTimeProvider _time = new();

    private ChainMember<T> Member<T>(string name, T provider) =>
        new ProviderChainFactory(new HttpClient(), _time, NullLoggerFactory.Instance)
            .Member("tts", new ProviderOptions { Kind = name }, provider, (_, _) => Task.CompletedTask, Options);

    [Fact]
    public async Task A_secondary_speaking_later_than_the_first_result_deadline_after_a_refused_primary_still_speaks_the_sentence()
    {
        var secondary = new LateTextToSpeech();
        var chain = new FailoverTextToSpeech([Member<ITextToSpeech>("primary", new DoubleTextToSpeech(failure: Refusal)), Member<ITextToSpeech>("secondary", secondary)],
            Options, _time, NullLogger.Instance);
        var frames = SpeakAsync(chain);
        await secondary.Asked.Task.DefaultTimeout();

        _time.Advance(TimeSpan.FromSeconds(2)); // past the 1.5 s first-result deadline
        secondary.Speak.SetResult();

        Assert.Equal(3, await frames.DefaultTimeout());
    }

    [Fact]
    public async Task A_secondary_recognising_later_than_the_first_result_deadline_after_a_refused_primary_still_gives_the_final()
    {
        var chain = new FailoverSpeechToText(
            [Member<IStreamingSpeechToText>("primary", new RefusingSpeechToText()), Member<IStreamingSpeechToText>("secondary", new TimedRecognizerDouble(_time, finalAfter: TimeSpan.FromSeconds(2)))],
            Options, _time, NullLogger.Instance);
        await using var stream = await chain.StartAsync(RecognitionRequest.For("ru-RU"), CancellationToken.None);
        await stream.WriteAsync(new short[320], CancellationToken.None);
        await stream.CompleteAsync(CancellationToken.None);
        var final = FirstResultAsync(stream);

        _time.Advance(TimeSpan.FromSeconds(2)); // the secondary's final comes 2 s after the audio ended, past the 1.5 s deadline

        Assert.Equal(TimedRecognizerDouble.Text, await final.DefaultTimeout());
    }

    private static async Task<string> FirstResultAsync(IRecognitionStream stream)
    {
        await foreach (var result in stream.Results(CancellationToken.None))
        {
            return result.Text;
        }
        throw new InvalidOperationException("the stream ended without a result");
    }

    private static async Task<int> SpeakAsync(ITextToSpeech tts)
    {
        var frames = 0;
        await foreach (var _ in tts.SynthesizeAsync("Добрый день.", "ru-RU", CancellationToken.None))
        {
            frames++;
        }
        return frames;
    }

    private sealed class LateTextToSpeech : ITextToSpeech
    {
        public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Speak { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async IAsyncEnumerable<short[]> SynthesizeAsync(string text, string language, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Asked.TrySetResult();
            await Speak.Task.WaitAsync(cancellationToken);
            for (var i = 0; i < 3; i++)
            {
                yield return new short[320];
            }
        }
    }

    private sealed class RefusingSpeechToText : IStreamingSpeechToText
    {
        public string Name => "refusing-double";

        public ValueTask<IRecognitionStream> StartAsync(RecognitionRequest request, CancellationToken cancellationToken) => throw Refusal;
    }
}
