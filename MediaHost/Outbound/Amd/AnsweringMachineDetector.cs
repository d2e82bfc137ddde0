namespace VoiceFunctions.MediaHost.Outbound.Amd;

/// <summary>
/// Decides from the first seconds of an answered outbound call whether a person or a machine answered, frame by frame
/// (20 ms of 16 kHz PCM, the call surface's frames). The cadence rule: a person says a short greeting ("Hello?") and
/// then waits in silence; a machine plays a long greeting with only short pauses. A beep is a machine at once. At the
/// decision deadline, a greeting still going is a machine's; silence throughout is taken as a person (who is waiting
/// for us to speak). Pure code: no I/O, no allocation per frame.
/// </summary>
public sealed class AnsweringMachineDetector
{
    private const int FrameMs = 20;
    private readonly AmdOptions _options;
    private readonly ToneDetector _tone;
    private int _elapsedMs;
    private int _greetingStartMs = -1;
    private int _lastSpeechEndMs = -1;
    private int _silenceMs;
    private bool _inSpeech;

    public AnsweringMachineDetector(AmdOptions options, int sampleRate = 16000)
    {
        _options = options;
        _tone = new ToneDetector(sampleRate, Math.Max(1, options.BeepMs / FrameMs));
    }

    public AmdVerdict? Verdict { get; private set; }

    /// <summary>Feeds one 20 ms frame; returns the verdict once decided (then the same verdict for every later frame).</summary>
    public AmdVerdict? Feed(ReadOnlySpan<short> frame)
    {
        if (Verdict is not null)
        {
            return Verdict;
        }
        _elapsedMs += FrameMs;
        var energy = MeanSquare(frame);
        if (_tone.Feed(frame, energy))
        {
            return Decide(AnsweredBy.Machine, beep: true, "a beep");
        }
        var speech = Math.Sqrt(energy) >= _options.SpeechRms;
        if (speech)
        {
            if (_greetingStartMs < 0)
            {
                _greetingStartMs = _elapsedMs - FrameMs;
            }
            _inSpeech = true;
            _silenceMs = 0;
        }
        else
        {
            if (_inSpeech)
            {
                _lastSpeechEndMs = _elapsedMs - FrameMs;
                _inSpeech = false;
            }
            _silenceMs += FrameMs;
        }

        var greetingMs = _greetingStartMs < 0 ? 0 : (_inSpeech ? _elapsedMs : _lastSpeechEndMs) - _greetingStartMs;
        if (greetingMs >= _options.MachineGreetingMs)
        {
            return Decide(AnsweredBy.Machine, beep: false, $"a greeting of {greetingMs} ms without a pause of {_options.EndOfGreetingSilenceMs} ms");
        }
        if (_greetingStartMs >= 0 && !_inSpeech && _silenceMs >= _options.EndOfGreetingSilenceMs)
        {
            return Decide(AnsweredBy.Human, beep: false, $"a greeting of {greetingMs} ms, then silence");
        }
        if (_elapsedMs >= _options.MaxDecisionMs)
        {
            return _inSpeech
                ? Decide(AnsweredBy.Machine, beep: false, "still speaking at the decision deadline")
                : Decide(AnsweredBy.Human, beep: false, _greetingStartMs < 0 ? "silence until the decision deadline" : "a short greeting at the decision deadline");
        }
        return null;
    }

    private AmdVerdict Decide(AnsweredBy who, bool beep, string why)
    {
        var verdict = new AmdVerdict(who, _elapsedMs, beep, why);
        Verdict = verdict;
        return verdict;
    }

    private static double MeanSquare(ReadOnlySpan<short> frame)
    {
        double sum = 0;
        foreach (var sample in frame)
        {
            sum += sample * (double)sample;
        }
        return frame.Length == 0 ? 0 : sum / frame.Length;
    }
}
