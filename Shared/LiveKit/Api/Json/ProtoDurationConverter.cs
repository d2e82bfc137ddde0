using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Json;

/// <summary>
/// <c>google.protobuf.Duration</c> in protobuf JSON: a string of seconds with an "s" suffix
/// (<c>"30s"</c>, <c>"3600.500s"</c>). The server rejects a bare number, so a TimeSpan must never be
/// written in .NET's "00:00:30" form.
/// </summary>
public sealed class ProtoDurationConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("a Duration must be a JSON string such as \"30s\"");
        }
        var text = reader.GetString()!;
        if (!text.EndsWith('s') ||
            !decimal.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new JsonException($"'{text}' is not a Duration (expected seconds with an 's' suffix, e.g. \"30s\")");
        }
        return TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond));
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value));

    /// <summary>Whole seconds, then 3, 6 or 9 fractional digits as needed (the protobuf JSON form).</summary>
    public static string Format(TimeSpan value)
    {
        var ticks = value.Ticks;
        var sign = ticks < 0 ? "-" : "";
        ticks = Math.Abs(ticks);
        var seconds = ticks / TimeSpan.TicksPerSecond;
        var nanos = ticks % TimeSpan.TicksPerSecond * 100;
        if (nanos == 0)
        {
            return $"{sign}{seconds}s";
        }
        var fraction = nanos.ToString("D9", CultureInfo.InvariantCulture);
        if (fraction.EndsWith("000000", StringComparison.Ordinal))
        {
            fraction = fraction[..3];
        }
        else if (fraction.EndsWith("000", StringComparison.Ordinal))
        {
            fraction = fraction[..6];
        }
        return $"{sign}{seconds}.{fraction}s";
    }
}
