using System.Text.Json;
using Json.Schema;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Cli.Tests.Support;

/// <summary>Validates a command's --json output against its committed schema in schema/voicectl/ (formats asserted too).</summary>
public static class OutputSchema
{
    private static readonly Dictionary<string, JsonSchema> Loaded = [];

    public static JsonElement AssertValid(string schemaName, string output)
    {
        JsonSchema schema;
        // Loaded once each: the library registers a schema by its $id and refuses a second registration.
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(schemaName, out schema!))
            {
                var path = Path.Combine(RepoPaths.Root, "schema", "voicectl", schemaName + ".schema.json");
                schema = Loaded[schemaName] = JsonSchema.FromText(File.ReadAllText(path));
            }
        }
        using var document = JsonDocument.Parse(output);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"));
        Assert.True(result.IsValid, $"{schemaName} output does not match its schema:\n{string.Join("\n", errors)}\n{output}");
        return document.RootElement.Clone();
    }
}
