using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace VoiceFunctions.Shared.LiveKit.Api.Json;

/// <summary>
/// Shapes System.Text.Json contracts into protobuf JSON as LiveKit speaks it (see the wire reference §2.3–2.4):
/// every field can be read under both spellings (camelCase and snake_case), int64 fields are written as
/// strings and read from strings or numbers, and, when <see cref="EmitDefaults"/> is false, fields at
/// their proto default ("" / 0 / false / empty list / null) are left out, as protobuf-es does.
/// </summary>
public sealed class ProtoJsonContract
{
    /// <summary>True for a real server's responses: every non-optional field present, defaults included.</summary>
    public bool EmitDefaults { get; init; }

    public void Apply(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        var aliases = new List<JsonPropertyInfo>();
        foreach (var property in typeInfo.Properties)
        {
            var type = property.PropertyType;
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            if (underlying == typeof(long) || underlying == typeof(ulong))
            {
                property.NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString;
            }
            var optional = property.AttributeProvider is MemberInfo member && member.IsDefined(typeof(ProtoOptionalAttribute));
            if (optional || Nullable.GetUnderlyingType(type) is not null)
            {
                // Presence is meaning: send it when set, leave it out when unset.
                property.ShouldSerialize = static (_, value) => value is not null;
            }
            else if (!EmitDefaults)
            {
                property.ShouldSerialize = static (_, value) => !IsProtoDefault(value);
            }

            var otherName = ProtoNames.OtherSpelling(property.Name);
            if (otherName != property.Name && property.Set is not null)
            {
                var alias = typeInfo.CreateJsonPropertyInfo(type, otherName);
                alias.Set = property.Set;
                alias.NumberHandling = property.NumberHandling;
                alias.CustomConverter = property.CustomConverter;
                aliases.Add(alias);
            }
        }
        foreach (var alias in aliases)
        {
            typeInfo.Properties.Add(alias);
        }
    }

    /// <summary>True when a value is what proto3 treats as "not set" for a plain (non-optional) field.</summary>
    public static bool IsProtoDefault(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        bool b => !b,
        int i => i == 0,
        uint u => u == 0,
        long l => l == 0,
        ulong ul => ul == 0,
        double d => d == 0,
        float f => f == 0,
        TimeSpan t => t == TimeSpan.Zero,
        Enum e => Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture) == 0,
        ICollection c => c.Count == 0,
        _ => false,
    };
}
