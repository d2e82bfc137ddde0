using System.Text.Json;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;

namespace VoiceFunctions.Shared.MediaHosts;

/// <summary>Parses and checks a heartbeat body; a problem is reported as one clear sentence.</summary>
public static class MediaHostHeartbeatParser
{
    public static byte[] Serialize(MediaHostHeartbeat heartbeat) => JsonSerializer.SerializeToUtf8Bytes(heartbeat, AgentEventParser.Json);

    /// <returns>The heartbeat, or null with <paramref name="problem"/> saying what is wrong.</returns>
    public static MediaHostHeartbeat? TryParse(ReadOnlySpan<byte> body, string routeHostId, out string? problem)
    {
        MediaHostHeartbeat? heartbeat;
        try
        {
            heartbeat = JsonSerializer.Deserialize<MediaHostHeartbeat>(body, AgentEventParser.Json);
        }
        catch (JsonException e)
        {
            problem = "the body is not a valid heartbeat: " + (e.Path is { } path ? $"at {path}: " : "") + e.Message.Split('\n', 2)[0];
            return null;
        }
        problem = heartbeat switch
        {
            null => "the body is JSON null",
            _ when !MediaHostIds.IsValid(heartbeat.HostId) => $"hostId must be 1 to {MediaHostIds.MaxLength} letters, digits, '.', '_' or '-'",
            _ when heartbeat.HostId != routeHostId => "the heartbeat's hostId does not match the host in the URL",
            { IntervalSeconds: < 0.5 or > 300 } => "intervalSeconds must be 0.5 to 300",
            { Calls: null } => "calls must be a list (empty when the host has no call)",
            { Calls.Count: > MediaHostHeartbeat.MaxCalls } => $"a heartbeat lists at most {MediaHostHeartbeat.MaxCalls} calls",
            _ when heartbeat.Calls.Any(c => c is null || c.CallId is not { Length: > 0 and <= CallIds.MaxLength }) => $"each call needs a callId of 1 to {CallIds.MaxLength} characters",
            _ => null,
        };
        return problem is null ? heartbeat : null;
    }
}
