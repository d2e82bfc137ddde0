using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.Calls;

/// <summary>The JSON of the control plane's HTTP API (camelCase, enums by name), written by the functions and read by voicectl.</summary>
public static class CallsApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
