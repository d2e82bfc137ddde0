using System.Globalization;

namespace VoiceFunctions.Shared.Calls.Quality;

/// <summary>
/// A call's audio quality per direction, as the MediaHost reports it every 30 s during a long call and once at its
/// end (<see cref="Final"/>). Each report carries the totals since the call's media started, so the newest report
/// is the whole story and a lost one costs nothing.
/// </summary>
public sealed record CallMediaQuality
{
    /// <summary>When the MediaHost took the figures.</summary>
    public required DateTimeOffset MeasuredAt { get; init; }

    /// <summary>True on the end-of-call report; false on a periodic one.</summary>
    public bool Final { get; init; }

    /// <summary>The negotiated codec ("PCMU/8000", "G722/8000", "opus/48000").</summary>
    public required string Codec { get; init; }

    /// <summary>How long media has been flowing when measured, in seconds.</summary>
    public double MediaSeconds { get; init; }

    /// <summary>Round-trip time from the caller's RTCP reports (RFC 3550 6.4.1: A - LSR - DLSR), in ms; null when unknown.</summary>
    public double? RoundTripMs { get; init; }

    /// <summary>The caller's audio as the MediaHost received it.</summary>
    public required MediaDirectionQuality FromCaller { get; init; }

    /// <summary>The agent's audio as the caller received it (packets sent by us; the rest from the caller's RTCP receiver reports).</summary>
    public required MediaDirectionQuality ToCaller { get; init; }

    /// <summary>The longest codec name kept.</summary>
    public const int MaxCodecLength = 40;

    /// <summary>Null when the report is consistent, else what is wrong (one sentence naming the field).</summary>
    public string? Problem() => this switch
    {
        { Codec.Length: 0 or > MaxCodecLength } => $"quality.codec must be 1 to {MaxCodecLength} characters",
        { FromCaller: null } => "quality.fromCaller is required",
        { ToCaller: null } => "quality.toCaller is required",
        { MediaSeconds: < 0 } or { MediaSeconds: double.NaN or double.PositiveInfinity } => "quality.mediaSeconds must be a non-negative number",
        { RoundTripMs: < 0 or > 60_000 } => "quality.roundTripMs must be from 0 to 60000",
        _ => FromCaller.Problem("quality.fromCaller") ?? ToCaller.Problem("quality.toCaller"),
    };

    /// <summary>One line per direction for the timeline and the CLI: "packets 1500, lost 0 (0.0 %), jitter 1.2 ms, concealed 0 ms, MOS 4.41".</summary>
    public static string Describe(MediaDirectionQuality d)
    {
        var parts = new List<string> { "packets " + d.Packets.ToString(CultureInfo.InvariantCulture) };
        if (d.PacketsLost is { } lost)
        {
            parts.Add(d.LossPercent is { } percent
                ? string.Create(CultureInfo.InvariantCulture, $"lost {lost} ({percent:0.0} %)")
                : string.Create(CultureInfo.InvariantCulture, $"lost {lost}"));
        }
        if (d.JitterMs is { } jitter)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"jitter {jitter:0.0} ms"));
        }
        if (d.ConcealedMs is { } concealed)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"concealed {concealed} ms"));
        }
        parts.Add(d.Mos is { } mos ? string.Create(CultureInfo.InvariantCulture, $"MOS {mos:0.00}") : "MOS unknown (no receiver report)");
        return string.Join(", ", parts);
    }

    /// <summary>The timeline's detail: both directions, the codec and the round trip.</summary>
    public string Describe() =>
        $"{Codec}{(Final ? ", end of call" : "")}; from caller: {Describe(FromCaller)}; to caller: {Describe(ToCaller)}"
        + (RoundTripMs is { } rtt ? string.Create(CultureInfo.InvariantCulture, $"; round trip {rtt:0} ms") : "");
}
