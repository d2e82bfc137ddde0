using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Decides where the caller's turns begin and end from per-frame speech verdicts. Time is the media clock:
/// every call to <see cref="OnFrame"/> is 20 ms, so the decision is deterministic for a given audio stream.
/// </summary>
public sealed class Endpointer
{
    private enum State { Idle, Candidate, InTurn }

    private readonly EndpointingOptions _options;
    private readonly IEndOfTurnModel? _endOfTurnModel;
    private readonly IAudioEndOfTurnModel? _audioModel;
    private readonly string _language;
    private State _state;
    private int _speechFrames;
    private int _silenceFrames;
    private int _turnFrames;
    private int _requiredSilenceFrames;
    private bool _modelAsked;
    private string? _transcriptAsked;
    private int _answerVersionAsked;

    public Endpointer(EndpointingOptions options, string language, IEndOfTurnModel? endOfTurnModel = null)
    {
        _options = options;
        _language = language;
        _endOfTurnModel = endOfTurnModel;
        _audioModel = endOfTurnModel as IAudioEndOfTurnModel;
        ResetTurn();
    }

    /// <summary>True between the first speech frame and the end (or discard) of the turn.</summary>
    public bool InSpeech => _state != State.Idle;

    /// <summary>Media time of the current turn so far, trailing silence included.</summary>
    public TimeSpan TurnDuration => Frames(_turnFrames);

    /// <summary>The trailing silence of the current turn (at the end of a turn: how long the caller has been quiet).</summary>
    public TimeSpan TrailingSilence => Frames(_silenceFrames);

    /// <summary>The latest partial transcript, passed to the end-of-turn model.</summary>
    public string? PartialTranscript { get; set; }

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
                    _speechFrames++;
                    _silenceFrames = 0;
                    _modelAsked = false;
                    _requiredSilenceFrames = FirstCheckFrames();
                    return EndpointEvent.None;
                }
                _silenceFrames++;
                if (_endOfTurnModel is not null && _silenceFrames >= FirstCheckFrames() && NewWordsToJudge())
                {
                    AskModel(_endOfTurnModel);
                }
                return _silenceFrames < _requiredSilenceFrames ? EndpointEvent.None : End(EndpointEvent.TurnEndedBySilence);
        }
    }

    /// <summary>The frame just judged by <see cref="OnFrame"/>, for an end-of-turn model that hears the caller (only
    /// frames of a turn reach it).</summary>
    public void OnAudio(ReadOnlySpan<short> frame)
    {
        if (_audioModel is not null && _state != State.Idle)
        {
            _audioModel.OnAudio(frame);
        }
    }

    /// <summary>Starts over, for example when the agent starts listening again after speaking.</summary>
    public void ResetTurn()
    {
        _state = State.Idle;
        _speechFrames = 0;
        _silenceFrames = 0;
        _turnFrames = 0;
        _modelAsked = false;
        _transcriptAsked = null;
        _requiredSilenceFrames = FirstCheckFrames();
        PartialTranscript = null;
    }

    /// <summary>The silence at which the turn may first end: the plain rule, or with an end-of-turn model the earlier
    /// point at which the model is asked (it then says how much more to wait).</summary>
    private int FirstCheckFrames() => FramesFor(_endOfTurnModel is null ? _options.SilenceMs : Math.Min(_options.SilenceMs, _options.ModelCheckSilenceMs));

    /// <summary>Asked once per pause, and again whenever a newer interim arrives during it (the words just said may
    /// complete the sentence, or show it goes on) or an asynchronous model's answer has arrived since.</summary>
    private bool NewWordsToJudge() => !_modelAsked || !string.Equals(_transcriptAsked, PartialTranscript, StringComparison.Ordinal)
        || (_audioModel is not null && _audioModel.AnswerVersion != _answerVersionAsked);

    private void AskModel(IEndOfTurnModel model)
    {
        _modelAsked = true;
        _transcriptAsked = PartialTranscript;
        _answerVersionAsked = _audioModel?.AnswerVersion ?? 0;
        var context = new EndOfTurnContext(_language, Frames(_turnFrames), Frames(_silenceFrames), PartialTranscript, TimeSpan.FromMilliseconds(_options.SilenceMs));
        var extra = model.AdditionalWait(context);
        var extraFrames = extra > TimeSpan.Zero ? FramesFor((int)Math.Min(extra.TotalMilliseconds, int.MaxValue)) : 0;
        _requiredSilenceFrames = Math.Min(FramesFor(_options.MaxWaitMs), _silenceFrames + extraFrames);
    }

    private EndpointEvent Confirm()
    {
        _state = State.InTurn;
        return EndpointEvent.TurnConfirmed;
    }

    private EndpointEvent End(EndpointEvent reason)
    {
        var silence = _silenceFrames;
        var turn = _turnFrames;
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
