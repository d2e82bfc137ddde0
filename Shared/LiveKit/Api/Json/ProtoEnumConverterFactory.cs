using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Json;

/// <summary>Creates a <see cref="ProtoEnumConverter{TEnum}"/> for every enum type.</summary>
public sealed class ProtoEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ProtoEnumConverter<>).MakeGenericType(typeToConvert))!;
}
