using System.Text.Json;

namespace VoiceFunctions.MediaHost.Tests.Support;

/// <summary>One event baresip's ctrl_tcp module reported (CALL_ESTABLISHED, CALL_CLOSED, CALL_INCOMING...).</summary>
public sealed record BaresipEvent(string Type, string? PeerUri, string? CallId, string? Param, string Json)
{
    public static BaresipEvent From(JsonElement root) => new(
        root.GetProperty("type").GetString() ?? "",
        root.TryGetProperty("peeruri", out var peer) ? peer.GetString() : null,
        root.TryGetProperty("id", out var id) ? id.GetString() : null,
        root.TryGetProperty("param", out var param) ? param.GetString() : null,
        root.GetRawText());
}
