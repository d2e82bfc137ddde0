namespace VoiceFunctions.MediaHost.MediaModel;

/// <summary>
/// Which way media flows, from OUR side, as agreed in the SDP answer (RFC 3264 section 6.1).
/// A caller putting us on hold offers sendonly, so our direction becomes <see cref="ReceiveOnly"/>.
/// </summary>
public enum MediaDirection
{
    /// <summary>We send and receive (a=sendrecv, the default).</summary>
    SendReceive,
    /// <summary>We only send (the peer offered recvonly).</summary>
    SendOnly,
    /// <summary>We only receive; we must not send audio (the peer offered sendonly: we are on hold).</summary>
    ReceiveOnly,
    /// <summary>No media either way (a=inactive, or a zero port / 0.0.0.0 address: hold).</summary>
    Inactive,
}
