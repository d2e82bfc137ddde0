using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>A track written as-is to a file (livekit.DirectFileOutput).</summary>
public sealed class DirectFileOutput
{
    public string Filepath { get; set; } = "";

    public bool DisableManifest { get; set; }

    [ProtoOptional]
    public S3Upload? S3 { get; set; }
}
