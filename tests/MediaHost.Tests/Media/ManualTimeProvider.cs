namespace VoiceFunctions.MediaHost.Tests.Media;

/// <summary>A clock that only moves when told, in milliseconds, and allocates nothing when read.</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    public long NowMs { get; set; } = 1_000_000;

    public override long TimestampFrequency => 1000;

    public override long GetTimestamp() => NowMs;
}
