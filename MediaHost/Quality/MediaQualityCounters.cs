namespace VoiceFunctions.MediaHost.Quality;

/// <summary>
/// The raw figures of one call's media at one moment, read from its RTP session (totals since the media started,
/// or since the last codec change for the receive half). <see cref="MediaQualityAssessor"/> turns them into the
/// reported quality.
/// </summary>
/// <param name="Codec">The negotiated codec as "name/clock rate".</param>
/// <param name="PacketTimeMs">The negotiated packet time (ms).</param>
/// <param name="MediaMilliseconds">How long media has been flowing.</param>
/// <param name="ReceivedPackets">RTP packets of the caller's stream counted by sequence number (RFC 3550 A.3).</param>
/// <param name="ExpectedPackets">Packets the caller's sequence numbers say were sent.</param>
/// <param name="InboundJitterMs">The caller's stream's interarrival jitter (RFC 3550 A.8).</param>
/// <param name="PlayedFrames">Packets' worth of audio played from a real packet by the jitter buffer.</param>
/// <param name="MissingFrames">Packets' worth skipped at playout: lost on the way or come too late.</param>
/// <param name="ConcealedFrames">Packets' worth played as concealment for missing packets and stretches of the delay (not
/// while the caller's stream paused or stopped: the buffer running dry is not a fault of the path).</param>
/// <param name="JitterBufferDelayMs">The jitter buffer's current playout delay.</param>
/// <param name="SentPackets">RTP packets we sent to the caller.</param>
/// <param name="Remote">The caller's newest RTCP report on our stream; null when none came.</param>
public readonly record struct MediaQualityCounters(
    string Codec,
    int PacketTimeMs,
    long MediaMilliseconds,
    long ReceivedPackets,
    long ExpectedPackets,
    double InboundJitterMs,
    long PlayedFrames,
    long MissingFrames,
    long ConcealedFrames,
    int JitterBufferDelayMs,
    long SentPackets,
    RemoteReceptionReport? Remote);
