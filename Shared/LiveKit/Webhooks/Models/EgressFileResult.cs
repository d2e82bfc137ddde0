namespace VoiceFunctions.Shared.LiveKit.Webhooks.Models;

/// <summary>One file an egress wrote (LiveKit's FileInfo). Times are Unix nanoseconds, the duration nanoseconds, the size bytes.</summary>
public sealed class EgressFileResult
{
    public string? Filename { get; set; }
    /// <summary>Where the file was uploaded (a URL for cloud storage).</summary>
    public string? Location { get; set; }
    public long StartedAtNs { get; set; }
    public long EndedAtNs { get; set; }
    public long DurationNs { get; set; }
    public long SizeBytes { get; set; }
}
