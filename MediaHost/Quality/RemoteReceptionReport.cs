namespace VoiceFunctions.MediaHost.Quality;

/// <summary>What the caller's newest RTCP report block said about the stream we send it (RFC 3550 6.4.1).</summary>
/// <param name="CumulativeLost">Packets of ours the caller counts as lost since the start.</param>
/// <param name="JitterMs">The caller's interarrival jitter for our stream, in milliseconds.</param>
/// <param name="RoundTripMs">A - LSR - DLSR in milliseconds; null when the block did not echo one of our SRs.</param>
public readonly record struct RemoteReceptionReport(long CumulativeLost, double JitterMs, double? RoundTripMs);
