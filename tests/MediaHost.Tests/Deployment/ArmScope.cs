using System.Text.Json.Nodes;

namespace VoiceFunctions.MediaHost.Tests.Deployment;

/// <summary>
/// The parameters and variables one (possibly nested) template is evaluated with: parameter values given, else
/// the template's default (itself evaluated); variables evaluated on demand, including "copy" variables (arrays
/// built by repeating an input with copyIndex).
/// </summary>
public sealed class ArmScope(JsonObject template, JsonObject parameterValues)
{
    private readonly Dictionary<string, int> _copyIndexes = new(StringComparer.OrdinalIgnoreCase);

    public JsonNode? Parameter(string name)
    {
        var given = parameterValues.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (given.Key is not null)
        {
            return given.Value?.DeepClone();
        }
        var declared = (template["parameters"] as JsonObject)?.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value
            ?? throw new KeyNotFoundException($"parameter '{name}' is not declared");
        var fallback = declared["defaultValue"] ?? throw new KeyNotFoundException($"parameter '{name}' has no value and no default");
        return new ArmExpressionEvaluator(this).EvaluateNode(fallback);
    }

    public JsonNode? Variable(string name, ArmExpressionEvaluator evaluator)
    {
        var variables = template["variables"] as JsonObject ?? throw new KeyNotFoundException($"variable '{name}': the template has none");
        if (variables["copy"] is JsonArray copies && copies.OfType<JsonObject>().FirstOrDefault(c => Named(c, name)) is { } copy)
        {
            var count = (int)ArmExpressionEvaluator.Number(evaluator.EvaluateNode(copy["count"]));
            var items = new JsonArray();
            for (var i = 0; i < count; i++)
            {
                _copyIndexes[name] = i;
                items.Add(evaluator.EvaluateNode(copy["input"]));
            }
            _copyIndexes.Remove(name);
            return items;
        }
        var declared = variables.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase));
        return declared.Key is null ? throw new KeyNotFoundException($"variable '{name}' is not declared") : evaluator.EvaluateNode(declared.Value);
    }

    public int CopyIndex(string loop) =>
        _copyIndexes.TryGetValue(loop, out var index) ? index
        : _copyIndexes.Count == 1 && loop.Length == 0 ? _copyIndexes.Values.Single()
        : throw new InvalidOperationException($"copyIndex('{loop}') outside its loop");

    private static bool Named(JsonObject copy, string name) =>
        string.Equals(copy["name"]?.GetValue<string>(), name, StringComparison.OrdinalIgnoreCase);
}
