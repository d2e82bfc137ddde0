using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.Tests.LiveKit.Conformance;

/// <summary>
/// Walks LiveKit's request and response messages of every RPC next to our model types and counts each
/// field (and enum value) as modelled, listed as unsupported, or missing. A model property LiveKit does
/// not define, a property of the wrong kind and an enum name LiveKit does not know are mismatches.
/// </summary>
public sealed class ApiModelCoverage(ProtocolDefinitions protocol, UnsupportedFields unsupported)
{
    private static readonly Dictionary<string, Type> ModelTypes = typeof(LiveKitApiMethods).Assembly.GetTypes()
        .Where(t => t.Namespace == "VoiceFunctions.Shared.LiveKit.Api.Models" && t.IsPublic)
        .ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);

    private readonly HashSet<(string, Type)> _visited = [];
    private readonly HashSet<Type> _enumsChecked = [];

    public CoverageReport Rpcs { get; } = new();

    public CoverageReport Fields { get; } = new();

    public CoverageReport EnumValues { get; } = new();

    public ApiModelCoverage Walk()
    {
        var implemented = LiveKitApiMethods.All.ToDictionary(m => m.FullName);
        foreach (var rpc in protocol.Rpcs)
        {
            var ours = implemented.ContainsKey(rpc.Method);
            Rpcs.Count("rpc " + rpc.Method, ours, unsupported);
            if (!ours)
            {
                continue;
            }
            VisitRoot(rpc.Request);
            VisitRoot(rpc.Response);
        }
        foreach (var method in implemented.Keys.Where(m => protocol.Rpcs.All(r => r.Method != m)))
        {
            Rpcs.Mismatches.Add($"we call {method}, which LiveKit does not define");
        }
        return this;
    }

    private void VisitRoot(string message)
    {
        var shortName = message[(message.LastIndexOf('.') + 1)..];
        if (ModelTypes.TryGetValue(shortName, out var type))
        {
            Visit(message, type);
        }
        else if (protocol.Messages[message].Count > 0)
        {
            Visit(message, null);
        }
    }

    private void Visit(string message, Type? model)
    {
        if (!_visited.Add((message, model ?? typeof(void))))
        {
            return;
        }
        var fields = protocol.Messages[message];
        var properties = model is null ? [] : JsonProperties(model);
        foreach (var field in fields)
        {
            var key = $"{message}.{field.JsonName}";
            var property = properties.FirstOrDefault(p => p.Name == field.JsonName);
            var listed = Fields.Count(key, property is not null, unsupported);
            if (property is not null && Check(key, field, property.PropertyType) is { } nested)
            {
                Visit(field.Type, nested);
            }
            else if (listed && field.ValueKind == "message")
            {
                CountListedSubtree(field.Type);
            }
        }
        foreach (var property in properties.Where(p => fields.All(f => f.JsonName != p.Name)))
        {
            Fields.Mismatches.Add($"{message}: our {model!.Name}.{property.Name} is not a field LiveKit defines");
        }
    }

    /// <summary>The fields under a listed (unmodelled) message field count as listed with it.</summary>
    private void CountListedSubtree(string message)
    {
        if (!_visited.Add((message, typeof(void))))
        {
            return;
        }
        foreach (var field in protocol.Messages[message])
        {
            Fields.CountListedWithParent();
            if (field.ValueKind == "message")
            {
                CountListedSubtree(field.Type);
            }
        }
    }

    /// <summary>Checks the property's type against the field; returns the model type to walk into for a message field.</summary>
    private Type? Check(string key, ProtoField field, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (field.Kind == "map")
        {
            var dictionary = type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
            if (dictionary is null || dictionary.GetGenericArguments()[0] != typeof(string))
            {
                Fields.Mismatches.Add($"{key}: a map<string, …> in LiveKit, {type.Name} in ours");
                return null;
            }
            return CheckValue(key, field, dictionary.GetGenericArguments()[1]);
        }
        if (field.Repeated)
        {
            var element = type == typeof(byte[]) ? null : type.IsArray ? type.GetElementType()
                : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
            if (element is null || type == typeof(string))
            {
                Fields.Mismatches.Add($"{key}: repeated in LiveKit, {type.Name} in ours");
                return null;
            }
            return CheckValue(key, field, element);
        }
        return CheckValue(key, field, type);
    }

    private Type? CheckValue(string key, ProtoField field, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var ok = field.ValueKind switch
        {
            "scalar" => ScalarTypes(field.Type).Contains(type),
            "wellknown" => field.Type == "google.protobuf.Duration" ? type == typeof(TimeSpan) : type == typeof(DateTimeOffset),
            "enum" => type.IsEnum,
            _ => type.IsClass && type != typeof(string),
        };
        if (!ok)
        {
            Fields.Mismatches.Add($"{key}: {field.ValueKind} {field.Type} in LiveKit, {type.Name} in ours");
            return null;
        }
        if (field.ValueKind == "enum")
        {
            CheckEnum(field.Type, type);
        }
        return field.ValueKind == "message" ? type : null;
    }

    private void CheckEnum(string protoEnum, Type type)
    {
        if (!_enumsChecked.Add(type))
        {
            return;
        }
        var theirs = protocol.Enums[protoEnum];
        var ours = Enum.GetValues(type).Cast<object>()
            .Select(v => JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(v, type, LiveKitJson.Client))!)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var name in ours.Where(n => !theirs.Contains(n)))
        {
            EnumValues.Mismatches.Add($"{protoEnum}: our {type.Name} writes {name}, which LiveKit does not define");
        }
        foreach (var name in theirs)
        {
            EnumValues.Count($"enum {protoEnum}.{name}", ours.Contains(name), unsupported);
        }
    }

    private static Type[] ScalarTypes(string scalar) => scalar switch
    {
        "string" => [typeof(string)],
        "bool" => [typeof(bool)],
        "int32" or "sint32" or "sfixed32" => [typeof(int)],
        "uint32" or "fixed32" => [typeof(uint), typeof(int)],
        "int64" or "sint64" or "sfixed64" => [typeof(long)],
        "uint64" or "fixed64" => [typeof(ulong), typeof(long)],
        "double" => [typeof(double)],
        "float" => [typeof(float), typeof(double)],
        "bytes" => [typeof(byte[])],
        _ => [],
    };

    /// <summary>The properties as our serializer writes them (camelCase names; the snake_case read aliases left out).</summary>
    private static IReadOnlyList<JsonPropertyInfo> JsonProperties(Type model) =>
        LiveKitJson.Client.GetTypeInfo(model).Properties.Where(p => p.AttributeProvider is PropertyInfo).ToArray();
}
