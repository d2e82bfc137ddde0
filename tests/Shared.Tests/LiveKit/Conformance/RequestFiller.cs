using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.Tests.LiveKit.Conformance;

/// <summary>
/// Builds a model object with every property that has a LiveKit field set to a non-default value, driven
/// by LiveKit's definition of the message, so that the body our client sends carries every field we
/// support. A oneof can hold one member at a time: variant <c>n</c> sets the n-th modelled member of each
/// oneof group (<see cref="Variants"/> says how many variants it takes to send each member once).
/// </summary>
public sealed class RequestFiller(ProtocolDefinitions protocol, int variant)
{
    private const int MaxDepth = 6;

    /// <summary>The largest number of modelled members seen in one oneof group.</summary>
    public int Variants { get; private set; } = 1;

    public T Fill<T>(string message) where T : class => (T)Fill(typeof(T), message, 0);

    private object Fill(Type model, string message, int depth)
    {
        var instance = Activator.CreateInstance(model)!;
        if (depth > MaxDepth)
        {
            return instance;
        }
        var properties = LiveKitJson.Client.GetTypeInfo(model).Properties
            .Where(p => p.AttributeProvider is PropertyInfo && p.Set is not null).ToDictionary(p => p.Name);
        var fields = protocol.Messages[message].Where(f => properties.ContainsKey(f.JsonName)).ToList();
        foreach (var group in fields.Where(f => f.Oneof is not null).GroupBy(f => f.Oneof))
        {
            Variants = Math.Max(Variants, group.Count());
        }
        foreach (var field in fields)
        {
            if (field.Oneof is not null)
            {
                var members = fields.Where(f => f.Oneof == field.Oneof).ToList();
                if (members[variant % members.Count] != field)
                {
                    continue;
                }
            }
            var property = properties[field.JsonName];
            property.Set!(instance, Value(field, property.PropertyType, depth));
        }
        return instance;
    }

    private object Value(ProtoField field, Type type, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (field.Kind == "map")
        {
            var valueType = underlying.GetGenericArguments()[1];
            var map = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType))!;
            map.Add(field.JsonName + "-key", Single(field, valueType, depth));
            return map;
        }
        if (field.Repeated && underlying != typeof(byte[]))
        {
            var element = underlying.IsArray ? underlying.GetElementType()! : underlying.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            list.Add(Single(field, element, depth));
            return underlying.IsArray ? ToArray(list, element) : list;
        }
        return Single(field, underlying, depth);
    }

    private static Array ToArray(IList list, Type element)
    {
        var array = Array.CreateInstance(element, list.Count);
        list.CopyTo(array, 0);
        return array;
    }

    private object Single(ProtoField field, Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            // The last value we define: never the zero default, so the field is sent.
            var values = Enum.GetValues(type);
            return values.GetValue(values.Length - 1)!;
        }
        return type switch
        {
            _ when type == typeof(string) => field.JsonName + "-value",
            _ when type == typeof(bool) => true,
            _ when type == typeof(int) => 7,
            _ when type == typeof(uint) => 7u,
            _ when type == typeof(long) => 1_234_567_890_123L,
            _ when type == typeof(ulong) => 1_234_567_890_123UL,
            _ when type == typeof(double) => 1.5,
            _ when type == typeof(float) => 1.5f,
            _ when type == typeof(byte[]) => new byte[] { 1, 2, 3 },
            _ when type == typeof(TimeSpan) => TimeSpan.FromSeconds(25),
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero),
            _ => Fill(type, field.Type, depth + 1),
        };
    }
}
