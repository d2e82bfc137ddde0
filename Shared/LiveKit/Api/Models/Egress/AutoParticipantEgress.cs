using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Records each participant as it joins (livekit.AutoParticipantEgress).</summary>
public sealed class AutoParticipantEgress
{
    [ProtoOptional]
    public EncodingOptionsPreset? Preset { get; set; }

    [ProtoOptional]
    public EncodingOptions? Advanced { get; set; }

    public List<EncodedFileOutput> FileOutputs { get; set; } = [];

    public List<SegmentedFileOutput> SegmentOutputs { get; set; } = [];
}
