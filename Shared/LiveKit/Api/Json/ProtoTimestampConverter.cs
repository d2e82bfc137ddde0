using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Json;

/// <summary>
/// A google.protobuf.Timestamp in JSON: RFC 3339 in UTC with a "Z" and 0, 3, 6 or 9 fraction digits
/// (<c>"2026-12-06T12:00:00Z"</c>, <c>"…:00.250Z"</c>), the canonical form protobuf writes. Reads any
/// RFC 3339 offset.
/// </summary>
public sealed class ProtoTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new JsonException("a Timestamp must be an RFC 3339 string");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        var utc = value.UtcDateTime;
        var ticks = utc.Ticks % TimeSpan.TicksPerSecond;
        var format = ticks == 0 ? "yyyy-MM-dd'T'HH:mm:ss"
            : ticks % TimeSpan.TicksPerMillisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss.fff"
            : ticks % TimeSpan.TicksPerMicrosecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss.ffffff"
            : "yyyy-MM-dd'T'HH:mm:ss.fffffff'00'";
        writer.WriteStringValue(utc.ToString(format, CultureInfo.InvariantCulture) + "Z");
    }
}
