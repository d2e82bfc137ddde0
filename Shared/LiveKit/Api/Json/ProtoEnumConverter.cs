using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Json;

/// <summary>
/// A proto enum in JSON: written as its proto name (<c>"SIP_TRANSPORT_TCP"</c>, taken from
/// <see cref="JsonStringEnumMemberNameAttribute"/>, else the member name in UPPER_SNAKE case), read from either the name or the number. A name
/// this build does not know (a newer server added a value) reads as the zero value instead of failing
/// the whole response, as protobuf parsers that ignore unknown fields do.
/// </summary>
public sealed class ProtoEnumConverter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
{
    private readonly Dictionary<string, TEnum> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<TEnum, string> _byValue = [];

    public ProtoEnumConverter()
    {
        foreach (var field in typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var value = (TEnum)field.GetValue(null)!;
            var name = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? ProtoNames.ToSnakeCase(field.Name).TrimStart('_').ToUpperInvariant();
            _byName[name] = value;
            _byValue.TryAdd(value, name);
        }
    }

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return _byName.TryGetValue(reader.GetString()!, out var named) ? named : default;
            case JsonTokenType.Number when reader.TryGetInt32(out var number):
                return (TEnum)Enum.ToObject(typeof(TEnum), number);
            default:
                throw new JsonException($"{typeof(TEnum).Name} must be a name string or a number");
        }
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        if (_byValue.TryGetValue(value, out var name))
        {
            writer.WriteStringValue(name);
        }
        else
        {
            writer.WriteNumberValue(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
