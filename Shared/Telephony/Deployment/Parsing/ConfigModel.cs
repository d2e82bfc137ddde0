using System.Collections.Concurrent;
using System.Reflection;

namespace VoiceFunctions.Shared.Telephony.Deployment.Parsing;

/// <summary>Reads the model's attributes once per type: the keys of each mapping and the names of enum values.</summary>
public static class ConfigModel
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<ConfigProperty>> Properties = new();
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<(string Name, object Value)>> EnumValues = new();

    public static IReadOnlyList<ConfigProperty> GetProperties(Type type) =>
        Properties.GetOrAdd(type, static t => t
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Key: p.GetCustomAttribute<ConfigKeyAttribute>()))
            .Where(p => p.Key is not null)
            .Select(p => new ConfigProperty(p.Property, p.Key!))
            .ToArray());

    public static IReadOnlyList<(string Name, object Value)> GetEnumValues(Type enumType) =>
        EnumValues.GetOrAdd(enumType, static t => t
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (f.GetCustomAttribute<ConfigKeyAttribute>()?.Name ?? f.Name.ToLowerInvariant(), f.GetValue(null)!))
            .ToArray());

    public static string EnumName(object value) =>
        GetEnumValues(value.GetType()).First(v => v.Value.Equals(value)).Name;

    public static bool IsLocated(Type type, out Type inner)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Located<>))
        {
            inner = type.GetGenericArguments()[0];
            return true;
        }
        inner = type;
        return false;
    }

    public static bool IsList(Type type, out Type item)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            item = type.GetGenericArguments()[0];
            return true;
        }
        item = type;
        return false;
    }

    public static bool IsStringMap(Type type) => type == typeof(Dictionary<string, string>);

    public static bool IsObject(Type type) => typeof(ConfigObject).IsAssignableFrom(type);
}
