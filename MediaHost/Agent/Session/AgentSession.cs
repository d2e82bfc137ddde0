using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using VoiceFunctions.MediaHost.Agent.FrontEnd;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Recognition;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// The agent on one answered call, as stages joined by bounded queues:
/// <c>input</c> (<see cref="CallerAudioInput"/>: caller frames + the agent frame played in the same slot, through the
/// audio front-end) → <c>listener</c> (<see cref="CallerListener"/>: VAD and endpointing, recognition feed, barge-in,
/// silence) → <c>turn runner</c> (<see cref="TurnRunner"/>: one <see cref="AgentTurn"/> at a time) → <c>output</c>
/// (<see cref="AgentSpeaker"/> and <see cref="AgentPlayback"/>). A provider failure becomes a spoken fallback;
/// nothing a provider does ends the call or leaves dead air.
/// </summary>
public sealed class AgentSession
{
    /// <summary>Caller frames between input and listener: 1 s. When the listener falls that far behind the oldest
    /// frames are dropped (audio may drop; the input stage must keep the media clock's pace).</summary>
    private const int CallerFrameQueue = 50;

    /// <summary>Events for the turn runner. Control events never drop: writers wait, and there are a few per second at most.</summary>
    private const int EventQueue = 64;

    private readonly AgentCall _call;
    private readonly ConversationHistory _history;
    private readonly AudioFramePool _pool = new();
    private readonly PlaybackTracker _playback = new();

    public AgentSession(ICallSession call, AiLoopOptions options, AgentDependencies dependencies)
    {
        _call = new AgentCall(call, options, dependencies, AgentPhrases.For(options.Language, options.Phrases, options.SystemPrompt, dependencies.KeypadMenu));
        _history = new ConversationHistory(_call.Phrases.SystemPrompt, options.MaxHistoryMessages);
    }

    /// <summary>The conversation so far (what the caller said and what they heard).</summary>
    public IReadOnlyList<ChatMessage> Transcript => _history.Messages;

    /// <summary>Runs the conversation until the call ends, the agent hangs up or transfers, or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var life = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = life.Token; // read once: the continuations below may run after the source is disposed
        var deps = _call.Deps;
        Providers.Failover.ProviderJournal.Open(); // the failover chains note per call which provider served; the turn records read it
        AgentLog.Started(deps.Logger, _call.CallId, _call.Language);
        // Render the fallback phrase now, so it can be played even if TTS fails later.
        _ = deps.Phrases.GetAsync(_call.Phrases.Fallback, _call.Language, token).ContinueWith(t => _ = t.Exception, TaskScheduler.Default);

        var frames = Channel.CreateBounded<CallerFrame>(
            new BoundedChannelOptions(CallerFrameQueue) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true },
            dropped => _pool.Return(dropped.Samples));
        var events = Channel.CreateBounded<AgentEvent>(new BoundedChannelOptions(EventQueue) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
        var playback = new AgentPlayback(_call, _playback);
        var speaker = new AgentSpeaker(_call, playback);
        var answer = new LanguageModelAnswer(_call, _history, AgentToolset.Definitions(deps.HttpTools));
        var preemption = new PreemptiveGeneration(_call, answer, token);
        var runner = new TurnRunner(_call, new ConversationTurns(_call, _history, answer, speaker, playback, preemption), playback, new TurnRecorder(_call, _history), preemption);
        var frontEnd = deps.AudioFrontEndFactory?.Invoke() ?? new PassThroughFrontEnd();

        var input = Task.Run(() => new CallerAudioInput(_call.Session, _playback, frontEnd, _pool, deps.Time).RunAsync(frames.Writer, token), CancellationToken.None);
        var listening = Task.Run(() => Listener(runner, token).RunAsync(frames.Reader, events.Writer, token), CancellationToken.None);
        var dtmf = Task.Run(() => DtmfAsync(events.Writer, token), CancellationToken.None);
        _ = listening.ContinueWith(_ => PostCallEndedAsync(events.Writer, token), TaskScheduler.Default);
        _ = _call.Session.Ended.ContinueWith(_ => PostCallEndedAsync(events.Writer, token), TaskScheduler.Default);
        using var timeUp = StartCallTimer(events.Writer, token);

        var reason = "call ended";
        try
        {
            reason = await runner.RunAsync(events.Reader, events.Writer, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            reason = "shutdown";
        }
        finally
        {
            await life.CancelAsync().ConfigureAwait(false);
            await runner.FinishCurrentTurnAsync().ConfigureAwait(false);
            await input.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            frontEnd.Dispose();
            await listening.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await dtmf.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            while (events.Reader.TryRead(out var left))
            {
                (left as AgentEvent.UtteranceEnded)?.Recognition.Abandon();
            }
            preemption.Abandon();
            AgentLog.Ended(deps.Logger, _call.CallId, reason);
        }
    }

    private CallerListener Listener(TurnRunner runner, CancellationToken life)
    {
        var options = _call.Options;
        var vad = _call.Deps.VoiceActivityDetectorFactory?.Invoke() ?? new EnergyVoiceActivityDetector(options.Vad);
        var endOfTurn = _call.Deps.EndOfTurnModel is IEndOfTurnModelFactory perCall ? perCall.ForCall() : _call.Deps.EndOfTurnModel;
        // A recogniser that decodes the call's language as another one (the offline English model on a Russian call)
        // gives words that cannot tell a finished sentence from a pause: silence alone decides then.
        var endpointer = new Endpointer(options.EndpointingFor(_call.Language), _call.Language, endOfTurn, _call.Deps.Recognition.Hears(_call.Language));
        var speech = new SpeechDetector(vad, new EchoGuard(options.BargeIn.EchoMarginDb), endpointer, LogEndOfTurn);
        var request = RecognitionRequest.For(_call.Language, speaker: new RecognitionSpeaker());
        var capture = new UtteranceCapture(() => new UtteranceRecognition(_call.Deps.Recognition, request, _pool, life), new PreRollBuffer(PreRollBuffer.DefaultFrames));
        var interimsExpected = _call.Deps.Recognition is not BatchRecognitionAdapter;
        return new CallerListener(speech, capture, BargeInDetector.For(options.BargeIn, interimsExpected), new SilenceWatch(options.Silence),
            new PauseWatch(options.Preemptive), runner, _pool);
    }

    /// <summary>What the end of a turn was judged from (Debug): the verdict and word count, never the words.</summary>
    private void LogEndOfTurn(Endpointer ended)
    {
        if (_call.Deps.Logger.IsEnabled(LogLevel.Debug))
        {
            var (words, heard, asked) = ended.LastJudged;
            AgentLog.EndOfTurnJudged(_call.Deps.Logger, _call.CallId, (int)ended.TrailingSilence.TotalMilliseconds,
                words?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length ?? 0, TranscriptEndOfTurnScorer.Judge(words, _call.Language), (int)asked.TotalMilliseconds, heard, ended.LastContour);
        }
    }

    /// <summary>Posts <see cref="AgentEvent.TimeUp"/> once AiLoop:MaxCallSeconds have passed on the call's clock.</summary>
    private ITimer? StartCallTimer(ChannelWriter<AgentEvent> events, CancellationToken life) => _call.Options.MaxCallSeconds <= 0 ? null
        : _call.Deps.Time.CreateTimer(_ => _ = PostAsync(events, new AgentEvent.TimeUp(), life), null, TimeSpan.FromSeconds(_call.Options.MaxCallSeconds), Timeout.InfiniteTimeSpan);

    private async Task DtmfAsync(ChannelWriter<AgentEvent> events, CancellationToken cancellationToken)
    {
        await foreach (var digit in _call.Session.DtmfDigits(cancellationToken).ConfigureAwait(false))
        {
            await events.WriteAsync(new AgentEvent.DtmfPressed(digit.Digit), cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task PostCallEndedAsync(ChannelWriter<AgentEvent> events, CancellationToken cancellationToken) =>
        PostAsync(events, new AgentEvent.CallEnded(), cancellationToken);

    private static async Task PostAsync(ChannelWriter<AgentEvent> events, AgentEvent e, CancellationToken cancellationToken)
    {
        try
        {
            await events.WriteAsync(e, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The session is over already.
        }
    }
}
