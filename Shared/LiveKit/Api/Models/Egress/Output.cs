using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>One StartEgress output (livekit.Output).</summary>
public sealed class Output
{
    [ProtoOptional]
    public FileOutput? File { get; set; }

    [ProtoOptional]
    public StreamOutput? Stream { get; set; }

    [ProtoOptional]
    public SegmentedFileOutput? Segments { get; set; }

    [ProtoOptional]
    public ImageOutput? Images { get; set; }

    public StorageConfig? Storage { get; set; }
}
