using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using VoiceFunctions.Shared.Telephony.Deployment.Model;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Generation;

/// <summary>
/// Writes the JSON Schema of voice.yaml from the model's attributes (the same ones the binder reads),
/// so editors validate exactly what voicectl accepts. schema/voice.schema.json is this output, committed.
/// </summary>
public static class JsonSchemaGenerator
{
    /// <summary>Any scalar may be written as an environment-variable expansion.</summary>
    private const string ExpansionPattern = @"\$\{[A-Za-z_][A-Za-z0-9_]*(:-[^}]*)?\}";

    public static string Generate()
    {
        var definitions = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var root = ObjectSchema(typeof(DeploymentFile), definitions);
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://voicefunctions.example/schema/voice.schema.json",
            ["title"] = "voice.yaml",
        };
        foreach (var (key, value) in root)
        {
            schema[key] = value?.DeepClone();
        }
        var defs = new JsonObject();
        foreach (var (name, definition) in definitions)
        {
            defs[name] = definition;
        }
        schema["$defs"] = defs;
        var json = schema.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        return json.Replace("\r\n", "\n") + "\n";
    }

    private static JsonObject ObjectSchema(Type type, SortedDictionary<string, JsonObject> definitions)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var property in ConfigModel.GetProperties(type))
        {
            var schema = ValueSchema(property.Type, definitions);
            if (property.Range is { } range && schema["anyOf"] is JsonArray { Count: > 0 } anyOf && anyOf[0] is JsonObject integer)
            {
                integer["minimum"] = Convert.ToInt32(range.Minimum);
                integer["maximum"] = Convert.ToInt32(range.Maximum);
            }
            if (property.Description is { } description)
            {
                schema["description"] = description;
            }
            properties[property.Key] = schema;
            if (property.IsRequired)
            {
                required.Add(property.Key);
            }
        }
        var result = new JsonObject { ["type"] = "object" };
        if (type.GetCustomAttribute<DescriptionAttribute>() is { } typeDescription)
        {
            result["description"] = typeDescription.Description;
        }
        result["additionalProperties"] = false;
        result["properties"] = properties;
        if (required.Count > 0)
        {
            result["required"] = required;
        }
        return result;
    }

    private static JsonObject ValueSchema(Type type, SortedDictionary<string, JsonObject> definitions)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (ConfigModel.IsLocated(type, out var inner))
        {
            return ValueSchema(inner, definitions);
        }
        if (type == typeof(SecretReference))
        {
            return new JsonObject { ["type"] = "string", ["pattern"] = SecretReference.SchemaPattern };
        }
        if (ConfigModel.IsList(type, out var item))
        {
            return new JsonObject { ["type"] = new JsonArray("array", "null"), ["items"] = ValueSchema(item, definitions) };
        }
        if (ConfigModel.IsStringMap(type))
        {
            return new JsonObject { ["type"] = new JsonArray("object", "null"), ["additionalProperties"] = new JsonObject { ["type"] = "string" } };
        }
        if (ConfigModel.IsObject(type))
        {
            if (!definitions.ContainsKey(type.Name))
            {
                definitions[type.Name] = new JsonObject(); // placeholder against recursion
                definitions[type.Name] = ObjectSchema(type, definitions);
            }
            return new JsonObject { ["$ref"] = "#/$defs/" + type.Name };
        }
        if (type == typeof(string))
        {
            return new JsonObject { ["type"] = "string" };
        }
        if (type == typeof(int))
        {
            return OrExpansion(new JsonObject { ["type"] = "integer" });
        }
        if (type == typeof(bool))
        {
            return OrExpansion(new JsonObject { ["type"] = "boolean" });
        }
        if (type.IsEnum)
        {
            var values = new JsonArray(ConfigModel.GetEnumValues(type).Select(v => (JsonNode)JsonValue.Create(v.Name)!).ToArray());
            return OrExpansion(new JsonObject { ["enum"] = values });
        }
        throw new NotSupportedException("No schema for model type " + type);
    }

    private static JsonObject OrExpansion(JsonObject schema) => new()
    {
        ["anyOf"] = new JsonArray(schema, new JsonObject { ["type"] = "string", ["pattern"] = ExpansionPattern }),
    };
}
