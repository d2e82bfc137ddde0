using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

/// <summary>
/// Reads one field value the way protobuf JSON allows it: int64 as a number or a string, enums as
/// a name or a number, <c>null</c> as "left at its default". A wrong type throws
/// <see cref="WebhookShapeException"/> with the field's path.
/// </summary>
internal static class JsonField
{
    public static void RequireObject(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new WebhookShapeException(path, "an object");
        }
    }

    public static bool IsNull(JsonElement value) => value.ValueKind == JsonValueKind.Null;

    public static string? String(JsonElement value, string parent, string field) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => throw Shape(parent, field, "a string"),
    };

    public static bool Bool(JsonElement value, string parent, string field) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False or JsonValueKind.Null => false,
        _ => throw Shape(parent, field, "true or false"),
    };

    public static long Int64(JsonElement value, string parent, string field)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetInt64(out var number):
                return number;
            case JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            case JsonValueKind.Null:
                return 0;
            default:
                throw Shape(parent, field, "an integer (number or string)");
        }
    }

    public static int Int32(JsonElement value, string parent, string field)
    {
        var number = Int64(value, parent, field);
        return number is >= int.MinValue and <= int.MaxValue ? (int)number : throw Shape(parent, field, "a 32-bit integer");
    }

    public static uint UInt32(JsonElement value, string parent, string field)
    {
        var number = Int64(value, parent, field);
        return number is >= 0 and <= uint.MaxValue ? (uint)number : throw Shape(parent, field, "an unsigned 32-bit integer");
    }

    /// <summary>Unix seconds as a time; 0 (protobuf's default) means "not set".</summary>
    public static DateTimeOffset? UnixSeconds(JsonElement value, string parent, string field)
    {
        var seconds = Int64(value, parent, field);
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
    public static TEnum Enum<TEnum>(JsonElement value, string parent, string field, string?[] protoNames)
        where TEnum : struct, Enum
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                for (var number = 0; number < protoNames.Length; number++)
                {
                    if (protoNames[number] is { } name && value.ValueEquals(name))
                    {
                        return FromNumber<TEnum>(number);
                    }
                }
                return default;
            case JsonValueKind.Number:
                return FromNumber<TEnum>(Int32(value, parent, field));
            case JsonValueKind.Null:
                return default;
            default:
                throw Shape(parent, field, "an enum name or number");
        }
    }

    /// <summary>The wire name of an enum sent as a name or a number (a number with no name stays a number).</summary>
    public static string? EnumName(JsonElement value, string parent, string field, string?[] protoNames)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Number:
                var number = Int32(value, parent, field);
                return number >= 0 && number < protoNames.Length && protoNames[number] is { } name
                    ? name
                    : number.ToString(CultureInfo.InvariantCulture);
            case JsonValueKind.Null:
                return null;
            default:
                throw Shape(parent, field, "an enum name or number");
        }
    }

    public static Dictionary<string, string> StringMap(JsonElement value, string parent, string field)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return new Dictionary<string, string>(0);
        }
        var path = Join(parent, field);
        RequireObject(value, path);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in value.EnumerateObject())
        {
            map[entry.Name] = entry.Value.ValueKind == JsonValueKind.String
                ? entry.Value.GetString()!
                : throw new WebhookShapeException(path + "." + entry.Name, "a string");
        }
        return map;
    }

    /// <summary>The path is only put together when there is an error to report, not for every field read.</summary>
    public static string Join(string parent, string field) => parent.Length == 0 ? field : parent + "." + field;

    private static WebhookShapeException Shape(string parent, string field, string expected) =>
        new(Join(parent, field), expected);

    private static TEnum FromNumber<TEnum>(int number) where TEnum : struct, Enum =>
        Unsafe.As<int, TEnum>(ref number);
}
