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

    public override string ToString() => $"voice-to-voice on the wire {VoiceToVoice.TotalMilliseconds:F0} ms, answer {AnswerAudio.TotalSeconds:F2} s voiced at {AnswerDbfs:F1} dBFS";
}
