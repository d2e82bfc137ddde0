using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// The signalling half of one call, received or placed: the dialog's state, how it ends, hang-up, transfer and DTMF by
/// SIP INFO. It carries no audio; the call layer composes it with the call's media session.
/// </summary>
public interface ISipCallSignalling
{
    /// <summary>The SIP Call-ID.</summary>
    string CallId { get; }

    /// <summary>The negotiated audio codec in rtpmap form ("PCMU/8000"), or empty while none is known.</summary>
    string Codec { get; }

    /// <summary>True once the dialog is over, for whatever reason (read without the stack lock).</summary>
    bool HasEnded { get; }

    /// <summary>False while the negotiated direction forbids us to send audio (we are on hold); true otherwise.</summary>
    bool MaySendAudio { get; }

    /// <summary>Completes when the call ends, for whatever reason.</summary>
    Task<CallEnded> Ended { get; }

    /// <summary>Raised (under the stack lock: be quick) for each DTMF digit the peer sent by SIP INFO.</summary>
    event Action<DtmfDigit>? DtmfReceived;

    /// <summary>True while the call is answered and not over: DTMF and transfer may be sent.</summary>
    bool IsConnected { get; }

    /// <summary>Hangs up (BYE, or a final response while ringing) with the reason we record.</summary>
    Task HangUpAsync(CallEndReason reason, CancellationToken cancellationToken);

    /// <summary>Blind transfer (SIP REFER); see the call surface for the outcome's meaning.</summary>
    Task<TransferResult> TransferAsync(string target, CancellationToken cancellationToken);

    /// <summary>Sends a DTMF digit as SIP INFO (application/dtmf-relay): true when the peer accepted it, false when not connected or refused.</summary>
    Task<bool> SendDtmfInfoAsync(char digit, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>The call's media failed on its own (no RTP, socket error): BYE and end the call with that reason.</summary>
    void EndFromMedia(CallEnded ended);
}
