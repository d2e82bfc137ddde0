using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Decides where the caller's turns begin and end from per-frame speech verdicts. Time is the media clock:
/// every call to <see cref="OnFrame"/> is 20 ms, so the decision is deterministic for a given audio stream.
/// With an end-of-turn model, a pause is judged only from a partial transcript that has heard it: when the recogniser
/// says how much audio its partial covers (<see cref="PartialLag"/>) and that stops short of
/// <see cref="EndpointingOptions.PauseHeardMs"/> into the pause, the words may lack the ones that show the sentence goes
/// on, so the turn waits (up to <see cref="EndpointingOptions.MaxWaitMs"/>) and is judged again once the partial catches up.
/// </summary>
public sealed class Endpointer
{
    private enum State { Idle, Candidate, InTurn }

    private readonly EndpointingOptions _options;
    private readonly IEndOfTurnModel? _endOfTurnModel;
    private readonly IAudioEndOfTurnModel? _audioModel;
    private readonly PauseContourTracker? _contour;
    private readonly string _language;
    private readonly bool _wordsHeard;
    private readonly int _silenceMs;
    private State _state;
    private int _speechFrames;
    private int _silenceFrames;
    private int _turnFrames;
    private int _requiredSilenceFrames;
    private bool _modelAsked;
    private string? _transcriptAsked;
    private bool _askedOnHeardPause;
    private int _answerVersionAsked;
    private PauseContour _contourAsked;
    private bool _pausedMidSentence;

    /// <summary>A pause at least this long that the caller then spoke on from counts as thinking mid-sentence (shorter
    /// gaps come between phrases of any fluent sentence).</summary>
    public const int ThinkingPauseMs = 400;

    /// <param name="wordsHeard">False when no recogniser hears <paramref name="language"/>: partial transcripts are then
    /// another language's guesses, never read, and the turn ends after <see cref="EndpointingOptions.SilenceWithoutWordsMs"/>
    /// of silence (an end-of-turn model is still asked, with no words).</param>
    public Endpointer(EndpointingOptions options, string language, IEndOfTurnModel? endOfTurnModel = null, bool wordsHeard = true)
    {
        _options = options;
        _wordsHeard = wordsHeard;
        _silenceMs = wordsHeard ? options.SilenceMs : options.SilenceWithoutWordsMs;
        _language = language;
        _endOfTurnModel = endOfTurnModel;
        _audioModel = endOfTurnModel as IAudioEndOfTurnModel;
        // The pitch contour is for the end-of-turn model; without one the plain silence rule reads nothing else.
        _contour = endOfTurnModel is not null && options.UsePauseContour ? new PauseContourTracker() : null;
        ResetTurn();
    }

    /// <summary>True between the first speech frame and the end (or discard) of the turn.</summary>
    public bool InSpeech => _state != State.Idle;

    /// <summary>Media time of the current turn so far, trailing silence included.</summary>
    public TimeSpan TurnDuration => Frames(_turnFrames);

    /// <summary>At the end of a turn: the partial transcript the end of turn was last judged from (null: none, or never
    /// judged), whether it had heard the pause (false: the turn ended waiting for the recogniser), and the silence the
    /// end of turn then asked for.</summary>
    public (string? Words, bool HeardThePause, TimeSpan SilenceAskedFor) LastJudged { get; private set; }

    /// <summary>At the end of a turn: the caller's pitch contour at the pause the end of turn was last judged at.</summary>
    public PauseContour LastContour { get; private set; }

    /// <summary>The trailing silence of the current turn (at the end of a turn: how long the caller has been quiet).</summary>
    public TimeSpan TrailingSilence => Frames(_silenceFrames);

    /// <summary>The latest partial transcript, passed to the end-of-turn model (ignored when the words are not heard).</summary>
    public string? PartialTranscript
    {
        get;
        set => field = _wordsHeard ? value : null;
    }

    /// <summary>How much of the audio so far <see cref="PartialTranscript"/> has not heard yet; null when the recogniser
    /// does not say (its partials are then taken as current).</summary>
    public TimeSpan? PartialLag
    {
        get;
        set => field = _wordsHeard ? value : null;
    }

    public EndpointEvent OnFrame(bool isSpeech)
    {
        switch (_state)
        {
            case State.Idle:
                if (!isSpeech)
                {
                    return EndpointEvent.None;
                }
                _state = State.Candidate;
                _audioModel?.TurnStarted();
                _contour?.TurnStarted();
                _speechFrames = 1;
                _turnFrames = 1;
                _silenceFrames = 0;
                return MinSpeechReached() ? Confirm() : EndpointEvent.SpeechStarted;

            case State.Candidate:
                _turnFrames++;
                if (isSpeech)
                {
                    _speechFrames++;
                    _silenceFrames = 0;
                    return MinSpeechReached() ? Confirm() : EndpointEvent.None;
                }
                _silenceFrames++;
                if (Frames(_silenceFrames).TotalMilliseconds >= _options.SilenceMs)
                {
                    ResetTurn();
                    return EndpointEvent.SpeechDiscarded;
                }
                return EndpointEvent.None;

            default:
                _turnFrames++;
                if (Frames(_turnFrames).TotalMilliseconds >= _options.MaxTurnMs)
                {
                    return End(EndpointEvent.TurnEndedByMaxLength);
                }
                if (isSpeech)
                {
                    // The caller went on after a pause the words or voice could have ended the turn at: a caller who
                    // thinks mid-sentence, whose later pauses get longer waits for the rest of the call.
                    _pausedMidSentence |= _modelAsked && _requiredSilenceFrames > FirstCheckFrames() && Frames(_silenceFrames).TotalMilliseconds >= ThinkingPauseMs;
                    _speechFrames++;
                    _silenceFrames = 0;
                    _modelAsked = false;
                    _askedOnHeardPause = false;
                    _requiredSilenceFrames = FirstCheckFrames();
                    return EndpointEvent.None;
                }
                _silenceFrames++;
                if (_endOfTurnModel is not null && _silenceFrames >= FirstCheckFrames())
                {
                    // Once the partial has heard this pause it holds every word said before it, even if the decoder
                    // then falls behind again on the silence.
                    if (!_askedOnHeardPause && !PartialHeardThePause())
                    {
                        WaitForThePartial();
                    }
                    else if (NewWordsToJudge())
                    {
                        AskModel(_endOfTurnModel);
                    }
                }
                return _silenceFrames < _requiredSilenceFrames ? EndpointEvent.None : End(EndpointEvent.TurnEndedBySilence);
        }
    }

    /// <summary>The frame just judged by <see cref="OnFrame"/>, for an end-of-turn model that hears the caller (only
    /// frames of a turn reach it).</summary>
    public void OnAudio(ReadOnlySpan<short> frame)
    {
        if (_state == State.Idle)
        {
            return;
        }
        _audioModel?.OnAudio(frame);
        // The frame was judged by OnFrame just before: no silence counted means it was speech.
        _contour?.OnFrame(frame, _silenceFrames == 0);
    }

    /// <summary>Starts over, for example when the agent starts listening again after speaking.</summary>
    public void ResetTurn()
    {
        _state = State.Idle;
        _speechFrames = 0;
        _silenceFrames = 0;
        _turnFrames = 0;
        _modelAsked = false;
        _askedOnHeardPause = false;
        _transcriptAsked = null;
        _contourAsked = PauseContour.Unknown;
        _requiredSilenceFrames = FirstCheckFrames();
        PartialTranscript = null;
        PartialLag = null;
    }

    /// <summary>The silence at which the turn may first end: the plain rule, or with an end-of-turn model the earlier
    /// point at which the model is asked (it then says how much more to wait).</summary>
    private int FirstCheckFrames() => FramesFor(_endOfTurnModel is null ? _silenceMs : Math.Min(_silenceMs, _options.ModelCheckSilenceMs));

    /// <summary>Asked once per pause, and again whenever a newer interim arrives during it (the words just said may
    /// complete the sentence, or show it goes on) or an asynchronous model's answer has arrived since.</summary>
    private bool NewWordsToJudge() => !_modelAsked || !_askedOnHeardPause || !string.Equals(_transcriptAsked, PartialTranscript, StringComparison.Ordinal)
        || (_audioModel is not null && _audioModel.AnswerVersion != _answerVersionAsked);

    /// <summary>True when the partial has heard at least <see cref="EndpointingOptions.PauseHeardMs"/> of the current
    /// pause (so it holds every word said before it), or when the recogniser does not say how far it has heard.</summary>
    private bool PartialHeardThePause() =>
        PartialLag is not { } lag || lag.TotalMilliseconds + Math.Min(_options.PauseHeardMs, Frames(_silenceFrames).TotalMilliseconds) <= Frames(_silenceFrames).TotalMilliseconds;

    /// <summary>The words are behind the audio: whatever they say, they cannot show the caller has finished. Wait for
    /// the recogniser, but never past the maximum wait (a stalled recogniser must not hold the caller forever).</summary>
    private void WaitForThePartial()
    {
        _modelAsked = true;
        _askedOnHeardPause = false;
        _requiredSilenceFrames = FramesFor(_options.MaxWaitMs);
    }

    private void AskModel(IEndOfTurnModel model)
    {
        _modelAsked = true;
        _askedOnHeardPause = true;
        _transcriptAsked = PartialTranscript;
        _answerVersionAsked = _audioModel?.AnswerVersion ?? 0;
        _contourAsked = _contour?.Judge() ?? PauseContour.Unknown;
        var context = new EndOfTurnContext(_language, Frames(_turnFrames), Frames(_silenceFrames), PartialTranscript, TimeSpan.FromMilliseconds(_silenceMs),
            Frames(_speechFrames), _contourAsked, _wordsHeard);
        var extra = model.AdditionalWait(context);
        var extraFrames = extra > TimeSpan.Zero ? FramesFor((int)Math.Min(extra.TotalMilliseconds + PausedCallerExtraMs(), int.MaxValue)) : 0;
        _requiredSilenceFrames = Math.Min(FramesFor(_options.MaxWaitMs), _silenceFrames + extraFrames);
    }

    /// <summary>More wait, on top of what the model asked for, for a caller who has already paused mid-sentence in this
    /// call; none when the model says the turn is over (a complete question still ends at the short wait).</summary>
    private int PausedCallerExtraMs() => _pausedMidSentence ? _options.PausedCallerExtraMs : 0;

    /// <summary>True once the caller has spoken on after a thinking pause in this call (<see cref="ThinkingPauseMs"/>, at
    /// which the end-of-turn model had asked to wait longer).</summary>
    public bool CallerPausesMidSentence => _pausedMidSentence;

    private EndpointEvent Confirm()
    {
        _state = State.InTurn;
        return EndpointEvent.TurnConfirmed;
    }

    private EndpointEvent End(EndpointEvent reason)
    {
        var silence = _silenceFrames;
        var turn = _turnFrames;
        LastJudged = (_transcriptAsked, _askedOnHeardPause, Frames(_requiredSilenceFrames));
        LastContour = _contourAsked;
        ResetTurn();
        // Keep the figures of the turn just ended readable until the next frame.
        _silenceFrames = silence;
        _turnFrames = turn;
        return reason;
    }

    private bool MinSpeechReached() => Frames(_speechFrames).TotalMilliseconds >= _options.MinSpeechMs;

    private static int FramesFor(int milliseconds) => (milliseconds + AudioFormat.FrameMilliseconds - 1) / AudioFormat.FrameMilliseconds;

    private static TimeSpan Frames(int frames) => TimeSpan.FromMilliseconds(frames * AudioFormat.FrameMilliseconds);
}
