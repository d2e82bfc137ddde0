using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceFunctions.Cli.Output;

/// <summary>
/// voicectl's JSON: camelCase names, enums as lower-case strings, absent values left out, indented, and
/// non-ASCII text as is (no \uXXXX), so the output reads well and parses anywhere. Shapes: schema/voicectl/.
/// </summary>
public static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static void Write<T>(Terminal terminal, T value) =>
        terminal.Out.WriteLine(JsonSerializer.Serialize(value, Options));
}
