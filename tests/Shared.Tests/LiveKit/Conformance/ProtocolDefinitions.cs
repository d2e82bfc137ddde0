using System.Text.Json;
using System.Text.Json.Nodes;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Shared.Tests.LiveKit.Conformance;

/// <summary>One field of a LiveKit message as @livekit/protocol defines it.</summary>
/// <param name="Kind">scalar, enum, message, wellknown (Duration/Timestamp) or map.</param>
/// <param name="Type">The scalar name (string, uint32, …) or the full enum/message name; for a map, its value's.</param>
/// <param name="ValueKind">For a map, its value's kind; else <paramref name="Kind"/>.</param>
public sealed record ProtoField(string Name, string JsonName, string Kind, string Type, string ValueKind, bool Repeated, string? Oneof, bool Optional);

/// <summary>One RPC: "Service/Method" and its request and response message names.</summary>
public sealed record ProtoRpc(string Method, string Request, string Response, bool InNodeSdk);

/// <summary>A body checked by the protocol's own decoder (fromJson, unknown fields not ignored).</summary>
public sealed record ProtoBodyVerdict(string Method, bool Ok, string? Error, IReadOnlyList<string> Differences);

/// <summary>
/// LiveKit's message definitions as tests/node/livekit-protocol-conformance.mjs reads them from
/// @livekit/protocol: the RPCs of the five server services, every message reachable from them and from
/// WebhookEvent, every enum; and, for bodies handed in, the protocol decoder's verdict.
/// </summary>
public sealed class ProtocolDefinitions
{
    private ProtocolDefinitions(IReadOnlyList<string> problems, IReadOnlyList<ProtoRpc> rpcs, IReadOnlyDictionary<string, IReadOnlyList<ProtoField>> messages,
        IReadOnlyDictionary<string, IReadOnlyList<string>> enums, IReadOnlyList<ProtoBodyVerdict> bodies)
    {
        Problems = problems;
        Rpcs = rpcs;
        Messages = messages;
        Enums = enums;
        Bodies = bodies;
    }

    /// <summary>Inconsistencies the script found (an RPC the Node SDK calls that the table lacks, a message the package lacks).</summary>
    public IReadOnlyList<string> Problems { get; }

    public IReadOnlyList<ProtoRpc> Rpcs { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<ProtoField>> Messages { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Enums { get; }

    public IReadOnlyList<ProtoBodyVerdict> Bodies { get; }

    public static async Task<ProtocolDefinitions> LoadAsync(IEnumerable<(string Method, string Body)>? bodies = null)
    {
        var request = new JsonObject
        {
            ["bodies"] = new JsonArray((bodies ?? []).Select(b => (JsonNode)new JsonObject { ["method"] = b.Method, ["body"] = b.Body }).ToArray()),
        };
        var root = await NodeScript.RunAsync("livekit-protocol-conformance.mjs", request, "@livekit/protocol");
        return new ProtocolDefinitions(
            root.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToArray(),
            root.GetProperty("rpcs").EnumerateArray().Select(r => new ProtoRpc(
                r.GetProperty("method").GetString()!, r.GetProperty("request").GetString()!, r.GetProperty("response").GetString()!, r.GetProperty("inNodeSdk").GetBoolean())).ToArray(),
            root.GetProperty("messages").EnumerateObject().ToDictionary(m => m.Name, m => (IReadOnlyList<ProtoField>)m.Value.EnumerateArray().Select(ReadField).ToArray()),
            root.GetProperty("enums").EnumerateObject().ToDictionary(e => e.Name, e => (IReadOnlyList<string>)e.Value.EnumerateArray().Select(v => v.GetString()!).ToArray()),
            root.GetProperty("bodies").EnumerateArray().Select(b => new ProtoBodyVerdict(
                b.GetProperty("method").GetString()!, b.GetProperty("ok").GetBoolean(),
                b.GetProperty("error").ValueKind == JsonValueKind.String ? b.GetProperty("error").GetString() : null,
                b.GetProperty("differences").EnumerateArray().Select(d => d.GetString()!).ToArray())).ToArray());
    }

    private static ProtoField ReadField(JsonElement f)
    {
        var kind = f.GetProperty("kind").GetString()!;
        var valueSource = kind == "map" ? f.GetProperty("value") : f;
        return new ProtoField(
            f.GetProperty("name").GetString()!,
            f.GetProperty("jsonName").GetString()!,
            kind,
            valueSource.GetProperty("type").GetString()!,
            valueSource.GetProperty("kind").GetString()!,
            f.GetProperty("repeated").GetBoolean(),
            f.GetProperty("oneof").ValueKind == JsonValueKind.String ? f.GetProperty("oneof").GetString() : null,
            f.GetProperty("optional").GetBoolean());
    }
}
