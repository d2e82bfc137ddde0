using VoiceFunctions.Shared.Telephony.Deployment.Model;

namespace VoiceFunctions.Cli.Doctor.Redis;

/// <summary>
/// Bridge and server must share one Redis (same address, same db): they talk only through it, and when they do
/// not, every inbound call fails its trunk lookup — the bridge logs "Rejecting inbound, auth check failed" and the
/// caller gets 503 (livekit-wire.md §4.2). Compared: the bridge's config.yaml against livekit-server's config when
/// given, else against voice.yaml's sip_bridge.redis (which names the server's Redis).
/// </summary>
public static class RedisChecks
{
    public const string Name = "bridge redis";

    public static DoctorCheck Compare(ServiceConfigFile bridge, ServiceConfigFile? server, DeploymentFile? file, string? fileName)
    {
        if (bridge.Redis is null)
        {
            return DoctorCheck.Fail(Name, $"{bridge.FileName} has no redis.address",
                "The SIP bridge refuses to start without Redis (and without it cannot reach livekit-server).",
                "Set redis.address (and db) to livekit-server's Redis; voicectl sip bridge-config writes it from voice.yaml.");
        }
        RedisEndpoint? expected;
        string from;
        if (server is not null)
        {
            expected = server.Redis;
            from = server.FileName;
            if (expected is null)
            {
                return DoctorCheck.Fail(Name, $"{server.FileName} has no redis section",
                    "livekit-server runs without Redis, so SIP is off: calls fail with \"sip not connected (redis required)\".",
                    "Configure redis: in livekit-server, the same one the bridge uses.");
            }
        }
        else if (file?.SipBridge?.Redis?.Address is { } address)
        {
            expected = new RedisEndpoint(address.Value, file.SipBridge.Redis.Db, address.Position.Line);
            from = fileName ?? "voice.yaml";
        }
        else
        {
            return DoctorCheck.Skip(Name, "nothing to compare the bridge's Redis with: give --server-config or a voice.yaml with sip_bridge.redis");
        }
        var bridgeWhere = $"{bridge.FileName}:{bridge.Redis.Line}";
        var expectedWhere = expected.Line is { } line ? $"{from}:{line}" : from;
        var evidence = $"bridge uses {bridge.Redis} ({bridgeWhere}); server's is {expected} ({expectedWhere})";
        if (bridge.Redis.Key != expected.Key || bridge.Redis.Db != expected.Db)
        {
            return DoctorCheck.Fail(Name, evidence,
                "The bridge and livekit-server use different Redis " + (bridge.Redis.Key == expected.Key ? "databases" : "servers")
                + ": the bridge's trunk lookup never reaches the server, it logs \"Rejecting inbound, auth check failed\" and every caller gets 503.",
                "Give the bridge the same redis address and db as livekit-server, then restart the bridge.");
        }
        var urlNote = WsUrlNote(bridge, file);
        return urlNote is null
            ? DoctorCheck.Pass(Name, evidence)
            : DoctorCheck.Warn(Name, evidence + "; " + urlNote, "The bridge joins rooms on another LiveKit URL than voice.yaml's.", "Set the bridge's ws_url to livekit.url.");
    }

    private static string? WsUrlNote(ServiceConfigFile bridge, DeploymentFile? file)
    {
        if (bridge.WsUrl is null || file?.LiveKit?.Url?.Value is not { } url
            || !Uri.TryCreate(bridge.WsUrl, UriKind.Absolute, out var bridgeUrl) || !Uri.TryCreate(url, UriKind.Absolute, out var fileUrl))
        {
            return null;
        }
        return string.Equals(bridgeUrl.Host, fileUrl.Host, StringComparison.OrdinalIgnoreCase) ? null : $"bridge ws_url {bridge.WsUrl} is not livekit.url {url}";
    }
}
