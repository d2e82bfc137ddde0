using System.Text.Json;
using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.Telephony.Deployment.Sync;

/// <summary>JSON of trunks and rules in LiveKit's own wire form (what backups hold).</summary>
public static class SipStateJson
{
    public static JsonSerializerOptions Options { get; } = new(LiveKitJson.Server) { WriteIndented = true };

    public static T Clone<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options)!;
}
