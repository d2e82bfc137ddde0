using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace VoiceFunctions.Functions.LocalHost;

/// <summary>
/// Reads a local.settings.json (the Functions Core Tools format: settings under "Values", with "__"
/// for ":") into configuration, so the local host runs from the same file as the function app.
/// </summary>
public static class LocalSettings
{
    public static IConfigurationBuilder AddLocalSettingsFile(this IConfigurationBuilder builder, string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"settings file {path} not found (copy local.settings.sample.json and fill in the placeholders)", path);
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!doc.RootElement.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{path}: a local.settings.json needs a \"Values\" object");
        }
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in values.EnumerateObject())
        {
            var value = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText();
            // A "<placeholder>" left in the file means "not set": better a clear validation error than a bogus value.
            if (value is { Length: > 1 } && value[0] == '<' && value[^1] == '>')
            {
                value = "";
            }
            settings[p.Name.Replace("__", ":", StringComparison.Ordinal)] = value;
        }
        return builder.AddInMemoryCollection(settings);
    }
}
