using System.Text;

namespace VoiceFunctions.Shared.LiveKit.Api.Json;

/// <summary>
/// Converts between the two spellings protobuf JSON accepts for a field: the lowerCamelCase JSON
/// name (<c>sipTrunkId</c>) and the proto name (<c>sip_trunk_id</c>). LiveKit's protos set no custom
/// json_name, so one is always derived from the other.
/// </summary>
public static class ProtoNames
{
    public static string ToSnakeCase(string camel)
    {
        var builder = new StringBuilder(camel.Length + 4);
        foreach (var c in camel)
        {
            if (char.IsUpper(c))
            {
                builder.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    public static string ToCamelCase(string snake)
    {
        var builder = new StringBuilder(snake.Length);
        var upperNext = false;
        foreach (var c in snake)
        {
            if (c == '_')
            {
                upperNext = true;
                continue;
            }
            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }
        return builder.ToString();
    }

    /// <summary>The other spelling of a field name: snake_case for a camelCase name and vice versa.</summary>
    public static string OtherSpelling(string name) => name.Contains('_') ? ToCamelCase(name) : ToSnakeCase(name);
}
