using System.Diagnostics;

namespace VoiceFunctions.MediaHost.Tests.Providers.Session;

/// <summary>
/// The caller's question and the agent's answer as they crossed the wire: the caller's last voiced packet, the
/// agent's first voiced packet after it (voice-to-voice on the wire), and how much voiced audio the agent sent after
/// it. A packet is voiced above <see cref="VoicedDbfs"/>; the fakes' TTS tone is about -15 dBFS, espeak-ng louder.
/// </summary>
internal readonly record struct WireAnswer(TimeSpan VoiceToVoice, TimeSpan AnswerAudio, double AnswerDbfs)
{
    public const double VoicedDbfs = -40;

    /// <summary>Reads the answer off <paramref name="packets"/>; null when the caller never spoke or the agent never answered.</summary>
    public static WireAnswer? Read(IReadOnlyList<WirePacket> packets)
    {
        var question = packets.Where(p => p.ToHost && p.Dbfs > VoicedDbfs).Select(p => p.At).DefaultIfEmpty().Max();
        if (question == 0)
        {
            return null;
        }
        var answer = packets.Where(p => !p.ToHost && p.At > question && p.Dbfs > VoicedDbfs).ToList();
        if (answer.Count == 0)
        {
            return null;
        }
        return new WireAnswer(Stopwatch.GetElapsedTime(question, answer[0].At), TimeSpan.FromMilliseconds(20 * answer.Count), answer.Average(p => p.Dbfs));
    }

    /// <summary>
    /// Every question and its answer, for a caller who asks several with pauses: a question ends at a voiced caller
    /// packet followed by at least <paramref name="pause"/> without one; its answer is the agent's voiced audio after
    /// it, up to the next question.
    /// </summary>
    public static List<WireAnswer> ReadAll(IReadOnlyList<WirePacket> packets, TimeSpan pause)
    {
        var voicedIn = packets.Where(p => p.ToHost && p.Dbfs > VoicedDbfs).Select(p => p.At).ToList();
        var ends = new List<(long End, long NextStart)>();
        for (var i = 0; i < voicedIn.Count; i++)
        {
            var next = i + 1 < voicedIn.Count ? voicedIn[i + 1] : long.MaxValue;
            if (next == long.MaxValue || Stopwatch.GetElapsedTime(voicedIn[i], next) >= pause)
            {
                ends.Add((voicedIn[i], next));
            }
        }
        var answers = new List<WireAnswer>();
        foreach (var (end, nextStart) in ends)
        {
            var answer = packets.Where(p => !p.ToHost && p.At > end && p.At < nextStart && p.Dbfs > VoicedDbfs).ToList();
            if (answer.Count > 0)
            {
                answers.Add(new WireAnswer(Stopwatch.GetElapsedTime(end, answer[0].At), TimeSpan.FromMilliseconds(20 * answer.Count), answer.Average(p => p.Dbfs)));
            }
        }
        return answers;
    }

    public override string ToString() => $"voice-to-voice on the wire {VoiceToVoice.TotalMilliseconds:F0} ms, answer {AnswerAudio.TotalSeconds:F2} s voiced at {AnswerDbfs:F1} dBFS";
}
