using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

/// <summary>
/// Reads the value under the reader the way protobuf JSON allows it: int64 as a number or a string,
/// enums as a name or a number, <c>null</c> as "left at its default". A wrong type throws
/// <see cref="WebhookShapeException"/> naming the field (the path is only built on error).
/// Every method expects the reader on the value token and leaves it on that value's last token.
/// </summary>
internal static class JsonField
{
    /// <summary>Reads the start of an object; false for <c>null</c>.</summary>
    public static bool StartObject(ref Utf8JsonReader reader, string parent, string field) => reader.TokenType switch
    {
        JsonTokenType.StartObject => true,
        JsonTokenType.Null => false,
        _ => throw Shape(parent, field, "an object"),
    };

    /// <summary>Advances to the next property name of the current object; false at its end.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader) =>
        reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    public static string? String(ref Utf8JsonReader reader, string parent, string field) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw Shape(parent, field, "a string"),
    };

    public static bool Bool(ref Utf8JsonReader reader, string parent, string field) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False or JsonTokenType.Null => false,
        _ => throw Shape(parent, field, "true or false"),
    };

    public static long Int64(ref Utf8JsonReader reader, string parent, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt64(out var number):
                return number;
            case JsonTokenType.String when !reader.HasValueSequence && !reader.ValueIsEscaped
                && Utf8Parser.TryParse(reader.ValueSpan, out long parsed, out var consumed) && consumed == reader.ValueSpan.Length:
                return parsed;
            case JsonTokenType.Null:
                return 0;
            default:
                throw Shape(parent, field, "an integer (number or string)");
        }
    }

    public static int Int32(ref Utf8JsonReader reader, string parent, string field)
    {
        var number = Int64(ref reader, parent, field);
        return number is >= int.MinValue and <= int.MaxValue ? (int)number : throw Shape(parent, field, "a 32-bit integer");
    }

    public static uint UInt32(ref Utf8JsonReader reader, string parent, string field)
    {
        var number = Int64(ref reader, parent, field);
        return number is >= 0 and <= uint.MaxValue ? (uint)number : throw Shape(parent, field, "an unsigned 32-bit integer");
    }

    /// <summary>Unix seconds as a time; 0 (protobuf's default) means "not set".</summary>
    public static DateTimeOffset? UnixSeconds(ref Utf8JsonReader reader, string parent, string field)
    {
        var seconds = Int64(ref reader, parent, field);
        if (seconds == 0)
        {
            return null;
        }
        return seconds is >= -62135596800 and <= 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : throw Shape(parent, field, "Unix seconds within years 1-9999");
    }

    /// <summary>
    /// An enum by proto name (index = protobuf number, null = unused number) or by number. A name this
    /// code does not know leaves the default, as protobuf JSON readers that ignore unknown values do.
    /// </summary>
    public static TEnum Enum<TEnum>(ref Utf8JsonReader reader, string parent, string field, string?[] protoNames)
        where TEnum : struct, Enum
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                for (var number = 0; number < protoNames.Length; number++)
                {
                    if (protoNames[number] is { } name && reader.ValueTextEquals(name))
                    {
                        return FromNumber<TEnum>(number);
                    }
                }
                return default;
            case JsonTokenType.Number:
                return FromNumber<TEnum>(Int32(ref reader, parent, field));
            case JsonTokenType.Null:
                return default;
            default:
                throw Shape(parent, field, "an enum name or number");
        }
    }

    /// <summary>The wire name of an enum sent as a name or a number (a number with no name stays a number).</summary>
    public static string? EnumName(ref Utf8JsonReader reader, string parent, string field, string?[] protoNames)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                for (var number = 0; number < protoNames.Length; number++)
                {
                    if (protoNames[number] is { } known && reader.ValueTextEquals(known))
                    {
                        return known;
                    }
                }
                return reader.GetString();
            case JsonTokenType.Number:
                var value = Int32(ref reader, parent, field);
                return value >= 0 && value < protoNames.Length && protoNames[value] is { } name
                    ? name
                    : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            case JsonTokenType.Null:
                return null;
            default:
                throw Shape(parent, field, "an enum name or number");
        }
    }

    public static Dictionary<string, string>? StringMap(ref Utf8JsonReader reader, string parent, string field)
    {
        if (!StartObject(ref reader, parent, field))
        {
            return null;
        }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (NextProperty(ref reader))
        {
            var key = reader.GetString()!;
            reader.Read();
            map[key] = reader.TokenType == JsonTokenType.String
                ? reader.GetString()!
                : throw Shape(Join(parent, field), key, "a string");
        }
        return map;
    }

    public static string Join(string parent, string field) => parent.Length == 0 ? field : parent + "." + field;

    public static WebhookShapeException Shape(string parent, string field, string expected) =>
        new(Join(parent, field), expected);

    private static TEnum FromNumber<TEnum>(int number) where TEnum : struct, Enum =>
        Unsafe.As<int, TEnum>(ref number);
}
