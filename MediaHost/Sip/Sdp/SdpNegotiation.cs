using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Sip.Sdp;

/// <summary>
/// The outcome of answering an offer: the answer SDP and the media to start, or the status to reject with
/// (400 for malformed SDP, 488 Not Acceptable Here when no stream or codec matches) and a specific reason.
/// <see cref="LocalCrypto"/> is the crypto line our answer carries, for a later re-INVITE without SDP (our offer is then
/// this answer again, and the peer's answer in the ACK names its tag).
/// </summary>
public sealed record SdpNegotiation(string? AnswerSdp, NegotiatedMedia? Media, int FailureStatus, string? FailureReason, SdesOffer? LocalCrypto = null)
{
    public bool Succeeded => Media is not null;

    public static SdpNegotiation Fail(int status, string reason) => new(null, null, status, reason);
}
