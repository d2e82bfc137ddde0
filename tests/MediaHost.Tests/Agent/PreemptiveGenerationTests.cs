using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Recognition;
using VoiceFunctions.MediaHost.Tests.Agent.Stages;
using VoiceFunctions.Shared.Observability;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Agent;

/// <summary>
/// Preemptive generation on an in-process call at frame pace (media time on the call's clock): the LLM starts on the
/// caller's words when they pause; the answer is spoken only if the turn ends with those words, and nothing of it
/// reaches the caller otherwise. The streaming recogniser is a double whose interims the test writes at chosen frames.
/// </summary>
public sealed class PreemptiveGenerationTests
{
    private const string Question = "what are your opening hours";
    private const string Answer = "We are open every day.";
    private const string HalfAnswer = "Sorry, what about it?";

    [Fact]
    public async Task Unchanged_words_at_the_endpoint_use_the_answer_begun_in_the_pause_and_the_model_is_asked_once()
    {
        var llm = new WordsModel { HoldFirstToken = true };
        var run = await CallAsync(llm, SyntheticAudio.Concat(SyntheticAudio.Voice(-20, 800), SyntheticAudio.Silence(1500)),
            interims: [(20, Question)], releaseFramesAfterRequest: 5);

        var turn = run.Harness.Turn("speech");
        Assert.Equal(Question, turn.UserText);
        Assert.Equal(Answer, turn.AgentText);
        Assert.Equal("used", turn.Preemptive);
        Assert.Equal([Question], llm.Words); // asked once, in the pause, before the endpoint
        // The model's first token came 5 frames (100 ms of call time) after the request, while the endpointer still
        // waited: that time is the record's saving, and not in the time to first token after the endpoint.
        Assert.True(turn.LlmTimeSavedByPreemption > TimeSpan.Zero, $"saved {turn.LlmTimeSavedByPreemption}");
        Assert.Equal(1, run.Outcomes("used"));
    }

    [Fact]
    public async Task Caller_resuming_after_a_pause_cancels_the_answer_begun_on_the_first_words_and_none_of_it_is_heard()
    {
        var llm = new WordsModel();
        var audio = SyntheticAudio.Concat(SyntheticAudio.Voice(-20, 600), SyntheticAudio.Silence(300), SyntheticAudio.Voice(-20, 600), SyntheticAudio.Silence(1500));
        var run = await CallAsync(llm, audio, interims: [(15, "what are your"), (65, Question)]);

        var turn = run.Harness.Turn("speech");
        Assert.Equal(Question, turn.UserText);
        Assert.Equal(Answer, turn.AgentText);
        // The half sentence's answer was cancelled when the caller went on; the answer begun in the final pause was used.
        Assert.Equal("used", turn.Preemptive);
        Assert.Equal(["what are your", Question], llm.Words);
        Assert.True(llm.Tokens[0].IsCancellationRequested, "the answer begun on the half sentence was not cancelled");
        Assert.DoesNotContain(run.Tts.Sentences, s => s.Contains(HalfAnswer, StringComparison.Ordinal)); // never synthesised, never played
        Assert.Equal(1, run.Outcomes("resumed"));
        Assert.Equal(1, run.Outcomes("used"));
    }

    [Fact]
    public async Task Different_final_words_discard_the_answer_begun_on_the_interim_and_the_model_is_asked_again()
    {
        var llm = new WordsModel { HoldFirstToken = false };
        var run = await CallAsync(llm, SyntheticAudio.Concat(SyntheticAudio.Voice(-20, 800), SyntheticAudio.Silence(1500)),
            interims: [(20, "what are your")], final: Question);

        var turn = run.Harness.Turn("speech");
        Assert.Equal(Answer, turn.AgentText);
        Assert.Equal("changed", turn.Preemptive);
        Assert.Equal(["what are your", Question], llm.Words);
        Assert.DoesNotContain(run.Tts.Sentences, s => s.Contains(HalfAnswer, StringComparison.Ordinal));
        Assert.Equal(1, run.Outcomes("changed"));
    }

    [Fact]
    public async Task With_preemptive_generation_off_the_model_is_asked_only_at_the_endpoint()
    {
        var llm = new WordsModel();
        var options = new AiLoopOptions { Language = "en-US", Preemptive = new PreemptiveGenerationOptions { Enabled = false } };
        var run = await CallAsync(llm, SyntheticAudio.Concat(SyntheticAudio.Voice(-20, 800), SyntheticAudio.Silence(1500)),
            interims: [(20, Question)], options: options);

        Assert.Null(run.Harness.Turn("speech").Preemptive);
        Assert.Equal([Question], llm.Words);
        Assert.Equal(0, run.Outcomes("used"));
    }

    private sealed record Run(AgentHarness Harness, FakeTextToSpeech Tts, List<string?> PreemptiveOutcomes)
    {
        public int Outcomes(string outcome)
        {
            lock (PreemptiveOutcomes)
            {
                return PreemptiveOutcomes.Count(o => o == outcome);
            }
        }
    }

    /// <summary>
    /// The greeting plays; then the caller's audio; the recogniser's interims are written <c>interims[i].Frame</c>
    /// frames after the caller starts, and the final (the last interim unless given) when the endpoint completes it.
    /// The caller hangs up once the answer turn is recorded.
    /// </summary>
    private static async Task<Run> CallAsync(WordsModel llm, short[] caller, (int Frame, string Words)[] interims, string? final = null,
        int releaseFramesAfterRequest = -1, AiLoopOptions? options = null)
    {
        var call = new TestCallSession(maxFrames: 50 * 30) { FramePace = TimeSpan.FromMilliseconds(5) };
        var stt = new FakeStreamingSpeechToText();
        var tts = new FakeTextToSpeech();
        var h = new AgentHarness(call, new FakeSpeechToText(), llm, tts, options ?? new AiLoopOptions { Language = "en-US" }, recognition: stt);
        var outcomes = new List<string?>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == MetricNames.TurnPreemptiveAnswers && ReferenceEquals(instrument.Meter.Scope, h.MeterFactory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            lock (outcomes)
            {
                outcomes.Add(tags.ToArray().FirstOrDefault(t => t.Key == "outcome").Value as string);
            }
        });
        listener.Start();
        _ = stt.Completed.Task.ContinueWith(_ =>
        {
            stt.Results.Writer.TryWrite(RecognitionResult.Final(final ?? interims[^1].Words));
            stt.Results.Writer.TryComplete();
        }, TaskScheduler.Default);
        int askAt = -1, releaseAt = -1, doneAt = -1;
        call.OnFrame = i =>
        {
            var turns = h.Turns.Count;
            if (askAt < 0 && turns >= 1)
            {
                askAt = i + 20; // the greeting turn is recorded once played
            }
            if (i == askAt)
            {
                call.Say(caller);
            }
            foreach (var (frame, words) in interims)
            {
                if (askAt >= 0 && i == askAt + frame)
                {
                    stt.Results.Writer.TryWrite(RecognitionResult.Interim(words));
                }
            }
            if (releaseFramesAfterRequest >= 0 && releaseAt < 0 && llm.Words.Count > 0)
            {
                releaseAt = i + releaseFramesAfterRequest;
            }
            if (i == releaseAt)
            {
                llm.Release();
            }
            if (doneAt < 0 && turns >= 2)
            {
                doneAt = i + 5;
            }
            if (i == doneAt)
            {
                call.HangUpByCaller();
            }
        };
        await h.RunAsync();
        return new Run(h, tts, outcomes);
    }

    /// <summary>Answers the question with <see cref="Answer"/> and anything else with <see cref="HalfAnswer"/>; a half
    /// sentence's answer never arrives unless released. Records the caller's words of each request and its token.</summary>
    private sealed class WordsModel : ILanguageModel
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Hold every first token until <see cref="Release"/> (a model that takes its time).</summary>
        public bool HoldFirstToken { get; init; }

        public List<string> Words { get; } = [];

        public List<CancellationToken> Tokens { get; } = [];

        public void Release() => _released.TrySetResult();

        public async IAsyncEnumerable<LanguageModelUpdate> StreamAsync(LanguageModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var words = request.Messages.Last(m => m.Role == ChatRole.User).Content;
            lock (Words)
            {
                Words.Add(words);
                Tokens.Add(cancellationToken);
            }
            var question = words == Question;
            if (HoldFirstToken || !question)
            {
                await _released.Task.WaitAsync(cancellationToken);
            }
            yield return LanguageModelUpdate.FromText(question ? Answer : HalfAnswer);
        }
    }
}
