using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace VoiceFunctions.Shared.Telephony.Deployment.Parsing;

/// <summary>
/// Binds YAML nodes to the model, driven by <see cref="ConfigModel"/>. It never stops at the first
/// problem: every unknown key, wrong type, missing key or variable is reported with its position,
/// and binding goes on with the rest of the file.
/// </summary>
internal sealed class ModelBinder(EnvironmentExpander expander, List<Diagnostic> diagnostics)
{
    public T BindRoot<T>(YamlNode node) where T : ConfigObject, new() =>
        (T?)BindObject(typeof(T), node, "the file", new SourcePosition(1, 1)) ?? new T { Position = At(node) };

    private object? BindValue(Type type, YamlNode node, string key, SourcePosition keyPosition)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;

        if (ConfigModel.IsLocated(type, out var inner))
        {
            var value = BindScalar(inner, node, key);
            return value is null ? null : Activator.CreateInstance(type, value, At(node));
        }
        if (type == typeof(SecretReference))
        {
            return BindSecret(node, key);
        }
        if (ConfigModel.IsList(type, out var item))
        {
            return BindList(type, item, node, key);
        }
        if (ConfigModel.IsStringMap(type))
        {
            return BindMap(node, key);
        }
        if (ConfigModel.IsObject(type))
        {
            return BindObject(type, node, key, keyPosition);
        }
        return BindScalar(type, node, key);
    }

    /// <param name="keyPosition">Where the key that holds this mapping is written: missing keys are reported there.</param>
    private object? BindObject(Type type, YamlNode node, string key, SourcePosition keyPosition)
    {
        if (IsNull(node))
        {
            return null;
        }
        if (node is not YamlMappingNode mapping)
        {
            WrongType(node, key, "a mapping (key: value lines)");
            return null;
        }

        var target = (ConfigObject)Activator.CreateInstance(type)!;
        target.Position = At(node);
        var properties = ConfigModel.GetProperties(type);
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } name })
            {
                Report(DiagnosticSeverity.Error, DiagnosticCodes.WrongType, keyNode, "keys must be plain names");
                continue;
            }

            var property = properties.FirstOrDefault(p => p.Key == name);
            if (property is null)
            {
                ReportUnknownKey(type, name, keyNode, properties);
                continue;
            }

            seen.Add(name);
            var value = BindValue(property.Type, valueNode, name, At(keyNode));
            if (value is null)
            {
                if (property.IsRequired && IsNull(valueNode))
                {
                    Report(DiagnosticSeverity.Error, DiagnosticCodes.MissingKey, valueNode, $"'{name}' needs a value");
                }
                continue;
            }
            if (property.Range is { } range && value is int or Located<int> && Numeric(value) is var number && !range.IsValid(number))
            {
                Report(DiagnosticSeverity.Error, DiagnosticCodes.InvalidValue, valueNode,
                    $"'{name}' must be between {range.Minimum} and {range.Maximum}, found {number}");
                continue;
            }
            property.Property.SetValue(target, value);
        }

        foreach (var missing in properties.Where(p => p.IsRequired && !seen.Contains(p.Key)))
        {
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.MissingKey, keyPosition,
                $"{key} has no '{missing.Key}'", missing.Description));
        }
        return target;
    }

    private void ReportUnknownKey(Type owner, string name, YamlNode keyNode, IReadOnlyList<ConfigProperty> properties)
    {
        var mistake = BridgeConfigMistakes.Explain(owner, name);
        if (mistake is not null)
        {
            Report(DiagnosticSeverity.Error, DiagnosticCodes.BridgeIgnoresKey, keyNode,
                $"'{name}' is not read by the LiveKit SIP bridge", mistake);
            return;
        }
        var suggestion = EditDistance.ClosestMatch(name, properties.Select(p => p.Key));
        var known = string.Join(", ", properties.Select(p => p.Key));
        Report(DiagnosticSeverity.Error, DiagnosticCodes.UnknownKey, keyNode,
            suggestion is null ? $"unknown key '{name}'" : $"unknown key '{name}' (did you mean '{suggestion}'?)",
            $"Keys allowed here: {known}.");
    }

    private object? BindList(Type listType, Type itemType, YamlNode node, string key)
    {
        var list = (System.Collections.IList)Activator.CreateInstance(listType)!;
        if (IsNull(node))
        {
            return list;
        }
        if (node is not YamlSequenceNode sequence)
        {
            WrongType(node, key, "a list (lines starting with '- ', or [a, b])");
            return null;
        }
        foreach (var child in sequence.Children)
        {
            var value = BindValue(itemType, child, key + " item", At(child));
            if (value is not null)
            {
                list.Add(value);
            }
        }
        return list;
    }

    private Dictionary<string, string>? BindMap(YamlNode node, string key)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (IsNull(node))
        {
            return map;
        }
        if (node is not YamlMappingNode mapping)
        {
            WrongType(node, key, "a mapping of names to text");
            return null;
        }
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var value = BindScalar(typeof(string), valueNode, key + " value");
            if (keyNode is YamlScalarNode { Value: { } name } && value is string text)
            {
                map[name] = text;
            }
        }
        return map;
    }

    private SecretReference? BindSecret(YamlNode node, string key)
    {
        if (IsNull(node))
        {
            return null;
        }
        if (node is not YamlScalarNode { Value: { } raw })
        {
            WrongType(node, key, "an environment-variable reference such as ${NAME}");
            return null;
        }
        if (SecretReference.TryParse(raw, At(node), out var reference))
        {
            return reference;
        }
        // Never echo the value: it may be the secret itself.
        var suggestion = "${" + key.ToUpperInvariant() + "}";
        Report(DiagnosticSeverity.Error, DiagnosticCodes.InlineSecret, node,
            $"'{key}' must be an environment-variable reference like {suggestion}, not an inline value",
            raw.Contains("${", StringComparison.Ordinal)
                ? "Credentials take no default (${NAME:-value} would put the value in the file) and nothing around the reference."
                : "An inline credential would be committed and reviewed with the file. Put the value in an environment variable and reference it.");
        return null;
    }

    private object? BindScalar(Type type, YamlNode node, string key)
    {
        if (IsNull(node))
        {
            return null;
        }
        if (node is not YamlScalarNode { Value: { } raw })
        {
            WrongType(node, key, type == typeof(string) ? "text" : Describe(type));
            return null;
        }
        var text = expander.Expand(raw, At(node), diagnostics);
        if (text is null)
        {
            return null;
        }
        if (type == typeof(string))
        {
            return text;
        }
        if (type == typeof(int))
        {
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
            WrongType(node, key, "a whole number", $"'{text}'");
            return null;
        }
        if (type == typeof(bool))
        {
            if (text is "true" or "false")
            {
                return text == "true";
            }
            WrongType(node, key, "true or false", $"'{text}'");
            return null;
        }
        if (type.IsEnum)
        {
            var values = ConfigModel.GetEnumValues(type);
            var match = values.FirstOrDefault(v => v.Name == text);
            if (match.Name is not null)
            {
                return match.Value;
            }
            var suggestion = EditDistance.ClosestMatch(text, values.Select(v => v.Name));
            Report(DiagnosticSeverity.Error, DiagnosticCodes.InvalidValue, node,
                $"'{key}' must be one of {string.Join(", ", values.Select(v => v.Name))}; found '{text}'"
                + (suggestion is null ? "" : $" (did you mean '{suggestion}'?)"));
            return null;
        }
        throw new NotSupportedException("The deployment model has a property of unsupported type " + type);
    }

    private static int Numeric(object value) => value is Located<int> located ? located.Value : (int)value;

    private static string Describe(Type type) =>
        type == typeof(int) ? "a whole number" : type == typeof(bool) ? "true or false" : "one of " + string.Join(", ", ConfigModel.GetEnumValues(type).Select(v => v.Name));

    private void WrongType(YamlNode node, string key, string expected, string? found = null)
    {
        found ??= node switch
        {
            YamlMappingNode => "a mapping",
            YamlSequenceNode => "a list",
            YamlScalarNode s => $"'{s.Value}'",
            _ => "something else",
        };
        Report(DiagnosticSeverity.Error, DiagnosticCodes.WrongType, node, $"'{key}' must be {expected}, found {found}");
    }

    private void Report(DiagnosticSeverity severity, string code, YamlNode node, string message, string? explanation = null) =>
        diagnostics.Add(new Diagnostic(severity, code, At(node), message, explanation));

    internal static SourcePosition At(YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" };
}
