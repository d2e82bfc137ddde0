namespace VoiceFunctions.TestSupport;

/// <summary>One direction's impairment: the chance each packet is lost, the most it is delayed, and the seed.</summary>
public sealed record ImpairmentSettings(double LossRate, TimeSpan MaxJitter, int Seed)
{
    public static readonly ImpairmentSettings None = new(0, TimeSpan.Zero, 0);
}
