using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Sip.Sdp;

/// <summary>
/// The outcome of answering an offer: the answer SDP and the media to start, or the status to reject with
/// (400 for malformed SDP, 488 Not Acceptable Here when no stream or codec matches) and a specific reason.
/// </summary>
public sealed record SdpNegotiation(string? AnswerSdp, NegotiatedMedia? Media, int FailureStatus, string? FailureReason)
{
    public bool Succeeded => Media is not null;

    public static SdpNegotiation Fail(int status, string reason) => new(null, null, status, reason);
}
