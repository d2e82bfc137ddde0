using System.Reflection;
using System.Reflection.Emit;

namespace VoiceFunctions.MediaHost.Tests.Layering;

/// <summary>
/// Every type a compiled type uses: its base type and interfaces, the types of its fields, properties, events and method
/// signatures, and each type, method or field token in its method bodies' IL (so a "new X()" in a body counts too).
/// Compiler-made types (lambdas' closures, async state machines) are nested in the type they came from and are read too.
/// </summary>
public static class CompiledReferences
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    public static IEnumerable<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        Add(found, type.BaseType);
        foreach (var face in type.GetInterfaces())
        {
            Add(found, face);
        }
        foreach (var field in type.GetFields(Everything))
        {
            Add(found, field.FieldType);
        }
        foreach (var property in type.GetProperties(Everything))
        {
            Add(found, property.PropertyType);
        }
        foreach (var @event in type.GetEvents(Everything))
        {
            Add(found, @event.EventHandlerType);
        }
        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
            {
                Add(found, info.ReturnType);
            }
            foreach (var parameter in method.GetParameters())
            {
                Add(found, parameter.ParameterType);
            }
            foreach (var used in InBody(method))
            {
                Add(found, used);
            }
        }
        return found;
    }

    private static IEnumerable<Type> InBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var opCode = il[at] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[at + 1])] : OpCodesByValue[il[at]];
            at += opCode.Size;
            if (opCode.OperandType is OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok)
            {
                var member = Resolve(method.Module, BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                if (member is Type type)
                {
                    yield return type;
                }
                else if (member?.DeclaringType is { } owner)
                {
                    yield return owner;
                }
            }
            at += OperandSize(opCode.OperandType, il, at);
        }
    }

    private static MemberInfo? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            return module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            return null; // a token of another generic context: its signature types are read elsewhere
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int at) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };

    private static void Add(HashSet<Type> found, Type? type)
    {
        if (type is null || !found.Add(type))
        {
            return;
        }
        if (type.HasElementType)
        {
            Add(found, type.GetElementType());
        }
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Add(found, argument);
            }
        }
    }
}
