using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.TestSupport.LoopbackLiveKit;

/// <summary>
/// The fields of a request body that the method's request message does not define, as paths
/// ("fileOutputs[0].azure.acountName"). The server ignores them, as LiveKit's protojson decoder does;
/// the loopback server records them so tests can assert that our client sends none.
/// </summary>
internal static class LoopbackUnknownFields
{
    public static IReadOnlyList<string> Find(byte[] body, Type requestType)
    {
        var unknown = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(body);
            Walk(document.RootElement, requestType, "", unknown);
        }
        catch (JsonException)
        {
            // Not JSON: the route answers malformed; there are no fields to name.
        }
        return unknown;
    }

    private static void Walk(JsonElement element, Type type, string path, List<string> unknown)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (element.ValueKind == JsonValueKind.Array && Element(type) is { } item)
        {
            var i = 0;
            foreach (var value in element.EnumerateArray())
            {
                Walk(value, item, $"{path}[{i++}]", unknown);
            }
            return;
        }
        if (element.ValueKind != JsonValueKind.Object || type == typeof(string) || type.IsPrimitive)
        {
            return;
        }
        if (DictionaryValue(type) is { } valueType)
        {
            foreach (var entry in element.EnumerateObject())
            {
                Walk(entry.Value, valueType, $"{path}[{entry.Name}]", unknown);
            }
            return;
        }
        var info = LiveKitJson.Server.GetTypeInfo(type);
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        foreach (var property in element.EnumerateObject())
        {
            var at = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            var known = info.Properties.FirstOrDefault(p => p.Name == property.Name);
            if (known is null)
            {
                unknown.Add(at);
            }
            else
            {
                Walk(property.Value, known.PropertyType, at, unknown);
            }
        }
    }

    private static Type? Element(Type type) => type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static Type? DictionaryValue(Type type) =>
        type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>))?.GetGenericArguments()[1];
}
