using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace VoiceFunctions.Shared.LiveKit.Api.Json;

/// <summary>The serializer settings for LiveKit's Twirp JSON.</summary>
public static class LiveKitJson
{
    /// <summary>
    /// What our clients send and read: requests in camelCase with defaults left out, int64 as strings,
    /// enums as names and Durations as "30s" (what the Node SDK sends); responses read in snake_case or
    /// camelCase, int64 from strings or numbers, enums from names or numbers, unknown fields ignored.
    /// </summary>
    public static JsonSerializerOptions Client { get; } = Create(JsonNamingPolicy.CamelCase, emitDefaults: false);

    /// <summary>
    /// What an OSS LiveKit server emits (the loopback test server uses it): snake_case names with every
    /// field present, defaults included; it reads requests in either spelling.
    /// </summary>
    public static JsonSerializerOptions Server { get; } = Create(JsonNamingPolicy.SnakeCaseLower, emitDefaults: true);

    private static JsonSerializerOptions Create(JsonNamingPolicy naming, bool emitDefaults)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = naming,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { new ProtoJsonContract { EmitDefaults = emitDefaults }.Apply } },
            Converters = { new ProtoEnumConverterFactory(), new ProtoDurationConverter(), new ProtoTimestampConverter() },
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
            // Plain "+15551234" rather than "\u002B15551234": same JSON, but readable in captures and
            // byte-comparable with other SDKs. The bodies go to an API, never into HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly();
        return options;
    }
}
