namespace VoiceFunctions.MediaHost.Rtp;

/// <summary>What the jitter buffer gives the decoder for one packet time.</summary>
public enum JitterBufferFrame
{
    /// <summary>Still filling up before the first playout: play silence, nothing is lost yet.</summary>
    Waiting,

    /// <summary>A real packet: decode its payload.</summary>
    Packet,

    /// <summary>Its packet was lost or is not here in time: conceal; the sequence moves on (if it comes later, it is late).</summary>
    Lost,

    /// <summary>Nothing to play now (the buffer ran dry, or the delay grows by a packet time): conceal.</summary>
    Underrun,

    /// <summary>
    /// An RFC 3389 comfort-noise packet, or the pause after one (the sender stopped sending during silence): play
    /// comfort noise at the level of the last CN payload (copied like a packet's); nothing is lost.
    /// </summary>
    ComfortNoise,
}
