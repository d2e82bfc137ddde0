namespace VoiceFunctions.Shared.Calls.Quality;

/// <summary>
/// The quality of one direction of a call's audio, as the MediaHost measured it. A figure the MediaHost could not
/// know is null, never zero: the caller's side of our audio is known only from the caller's RTCP receiver reports.
/// </summary>
public sealed record MediaDirectionQuality
{
    /// <summary>RTP packets received (from the caller) or sent (to the caller).</summary>
    public required long Packets { get; init; }

    /// <summary>Packets lost on the way (RFC 3550 cumulative loss: expected minus received); null when unknown.</summary>
    public long? PacketsLost { get; init; }

    /// <summary>Packets lost as a percentage of those expected (0-100); null when unknown.</summary>
    public double? LossPercent { get; init; }

    /// <summary>RFC 3550 interarrival jitter in milliseconds; null when unknown.</summary>
    public double? JitterMs { get; init; }

    /// <summary>Audio played as concealment because a packet was lost or came too late, in milliseconds; null when unknown.</summary>
    public long? ConcealedMs { get; init; }

    /// <summary>The E-model transmission rating (ITU-T G.107, narrowband scale 0-100) behind <see cref="Mos"/>; null when unknown.</summary>
    public double? RFactor { get; init; }

    /// <summary>Estimated mean opinion score (1-4.5, from <see cref="RFactor"/>); null when the loss is unknown.</summary>
    public double? Mos { get; init; }

    /// <summary>Null when the figures are consistent, else what is wrong (one sentence naming the field).</summary>
    public string? Problem(string direction)
    {
        return this switch
        {
            { Packets: < 0 } => $"{direction}.packets must not be negative",
            { PacketsLost: < 0 } => $"{direction}.packetsLost must not be negative",
            { LossPercent: < 0 or > 100 } => $"{direction}.lossPercent must be from 0 to 100",
            { JitterMs: < 0 or > 60_000 } => $"{direction}.jitterMs must be from 0 to 60000",
            { ConcealedMs: < 0 } => $"{direction}.concealedMs must not be negative",
            { RFactor: < 0 or > 100 } => $"{direction}.rFactor must be from 0 to 100",
            { Mos: < 1 or > 5 } => $"{direction}.mos must be from 1 to 5",
            _ when !IsFinite(LossPercent) || !IsFinite(JitterMs) || !IsFinite(RFactor) || !IsFinite(Mos) => $"{direction} carries a number that is not finite",
            _ => null,
        };
    }

    private static bool IsFinite(double? value) => value is not { } v || double.IsFinite(v);
}
