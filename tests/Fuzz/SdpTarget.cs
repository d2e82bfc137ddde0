using System.Net;
using System.Text;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Sip.Sdp;

namespace VoiceFunctions.Fuzz;

/// <summary>
/// One fuzz input as an SDP body (decoded as UTF-8, as a SIP body reaches the negotiator). Promises checked: the parser
/// never throws; an accepted body written back out parses to the same session; a rejected one has a reason; the
/// negotiator answers or fails with 400/488 and a reason, and an answer it writes is SDP our own parser accepts.
/// </summary>
public static class SdpTarget
{
    public static void Run(ReadOnlySpan<byte> input)
    {
        var text = Encoding.UTF8.GetString(input);
        if (SdpParser.TryParse(text, out var session, out var error))
        {
            var written = SdpText.Write(session);
            if (!SdpParser.TryParse(written, out var again, out var againError))
            {
                throw new InvariantViolation($"an accepted SDP did not parse again after writing: {againError}\n{written}");
            }
            var before = SdpText.Describe(session);
            var after = SdpText.Describe(again);
            if (before != after)
            {
                throw new InvariantViolation($"the SDP round trip changed the session:\n{before}\n---\n{after}");
            }
        }
        else if (string.IsNullOrEmpty(error))
        {
            throw new InvariantViolation("SDP rejected without a reason");
        }

        var answer = SdpNegotiator.Answer(text, VoiceFunctions.MediaHost.Media.RtpMediaSessionFactory.DefaultCodecs, IPAddress.Loopback, 30000, 1, 1);
        if (!answer.Succeeded)
        {
            if (answer.FailureStatus is not (400 or 488) || string.IsNullOrEmpty(answer.FailureReason))
            {
                throw new InvariantViolation($"the negotiator failed with status {answer.FailureStatus} and reason '{answer.FailureReason}'");
            }
            return;
        }
        string? answerError = "no answer text";
        if (answer.AnswerSdp is null || !SdpParser.TryParse(answer.AnswerSdp, out _, out answerError))
        {
            throw new InvariantViolation($"the negotiator wrote an answer our parser rejects: {answerError}\n{answer.AnswerSdp}");
        }
    }
}
