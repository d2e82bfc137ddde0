namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>A call we received, as signalling: who calls whom, and the one answer or refusal it gets.</summary>
public interface ISipInboundLeg : ISipCallSignalling
{
    /// <summary>The caller, the called party and the INVITE headers exposed to the call handler.</summary>
    SipCallParties Parties { get; }

    /// <summary>Cancelled when the call ends: the call handler's lifetime.</summary>
    CancellationToken Lifetime { get; }

    /// <summary>Sends 200 OK with our SDP and starts the media negotiated. Throws when already answered or over.</summary>
    void Answer();

    /// <summary>Refuses the ringing call with a final SIP status; nothing once it was answered.</summary>
    Task RejectAsync(int sipStatus, string reason, CancellationToken cancellationToken);
}
