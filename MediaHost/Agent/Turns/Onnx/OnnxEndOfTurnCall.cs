namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// One call's use of the ONNX end-of-turn model: keeps the last <see cref="OnnxEndOfTurnOptions.AudioSeconds"/> of
/// the caller's turn in a ring (no allocation per frame), and at a pause posts the audio and the interim words to the
/// model's worker. Until the model's answer for those words arrives the built-in scorer answers; once it has, the
/// probability decides: complete → <see cref="EndOfTurnScorerOptions.CompleteSilenceMs"/>, else
/// <see cref="EndOfTurnScorerOptions.UnfinishedSilenceMs"/>. Asked from the listener thread, answered from the worker.
/// </summary>
internal sealed class OnnxEndOfTurnCall(OnnxEndOfTurnModel model, OnnxEndOfTurnOptions options, EndOfTurnScorerOptions waits, IEndOfTurnModel fallback)
    : IAudioEndOfTurnModel
{
    private readonly short[] _ring = new short[options.AudioSeconds * 16_000];
    private readonly Lock _answerLock = new();
    private long _written;
    private int _turn;
    private int _version;
    private (int Turn, string Text)? _asked;
    private (int Turn, string Text, float Probability)? _answer;

    public int AnswerVersion => Volatile.Read(ref _version);

    public void TurnStarted()
    {
        Interlocked.Increment(ref _turn);
        _written = 0;
        _asked = null;
    }

    public void OnAudio(ReadOnlySpan<short> frame)
    {
        var at = (int)(_written % _ring.Length);
        var first = Math.Min(frame.Length, _ring.Length - at);
        frame[..first].CopyTo(_ring.AsSpan(at));
        frame[first..].CopyTo(_ring);
        _written += frame.Length;
    }

    public TimeSpan AdditionalWait(in EndOfTurnContext context)
    {
        var text = context.PartialTranscript ?? "";
        var turn = Volatile.Read(ref _turn);
        float? probability;
        lock (_answerLock)
        {
            probability = _answer is { } a && a.Turn == turn && a.Text == text ? a.Probability : null;
        }
        if (probability is not { } p || float.IsNaN(p))
        {
            if (_asked != (turn, text))
            {
                _asked = (turn, text);
                model.Post(new OnnxEndOfTurnRequest(this, turn, text, Snapshot()));
            }
            return fallback.AdditionalWait(context);
        }
        var needed = TimeSpan.FromMilliseconds(p >= options.CompleteProbability ? waits.CompleteSilenceMs : waits.UnfinishedSilenceMs);
        return needed > context.Silence ? needed - context.Silence : TimeSpan.Zero;
    }

    /// <summary>From the model's worker: the probability for <paramref name="request"/>; kept only while its turn is the current one.</summary>
    internal void Answer(OnnxEndOfTurnRequest request, float probability)
    {
        if (request.Turn != Volatile.Read(ref _turn))
        {
            return;
        }
        lock (_answerLock)
        {
            _answer = (request.Turn, request.Text, probability);
        }
        Interlocked.Increment(ref _version);
    }

    /// <summary>The turn's audio so far (at most the ring), oldest first, as floats in [-1, 1]: once per question asked, not per frame.</summary>
    private float[] Snapshot()
    {
        var length = (int)Math.Min(_written, _ring.Length);
        var audio = new float[length];
        var start = (int)((_written - length) % _ring.Length);
        for (var i = 0; i < length; i++)
        {
            audio[i] = _ring[(start + i) % _ring.Length] / 32768f;
        }
        return audio;
    }
}
