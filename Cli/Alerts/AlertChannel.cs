using System.Text.Json;

namespace VoiceFunctions.Cli.Alerts;

/// <summary>
/// The alert channel the control plane posts to (its Health:AlertWebhookUrl setting): from --url, from a
/// local.settings.json's Values.Health__AlertWebhookUrl, or from the variable Health__AlertWebhookUrl, in that order.
/// Chat webhooks carry their secret in the URL, so only <see cref="Display"/> is ever printed.
/// </summary>
public sealed record AlertChannel(Uri Url, string Source)
{
    public const string SettingName = "Health__AlertWebhookUrl";

    /// <summary>scheme://host/… : enough to recognise the channel, without the path's token.</summary>
    public string Display => $"{Url.Scheme}://{Url.Authority}/…";

    public static AlertChannel? Resolve(string? url, FileInfo? settings, Func<string, string?> environment, out string? problem)
    {
        problem = null;
        string? text = url;
        var source = "--url";
        if (text is null && settings is not null)
        {
            if (!settings.Exists)
            {
                problem = $"{settings.FullName}: no such file";
                return null;
            }
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(settings.FullName), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                if (document.RootElement.TryGetProperty("Values", out var values) && values.TryGetProperty(SettingName, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    text = value.GetString();
                }
            }
            catch (JsonException e)
            {
                problem = $"{settings.Name} is not JSON: {e.Message}";
                return null;
            }
            source = $"{settings.Name} (Values.{SettingName})";
        }
        if (string.IsNullOrEmpty(text) && settings is null)
        {
            text = environment(SettingName);
            source = $"the variable {SettingName}";
        }
        if (string.IsNullOrEmpty(text))
        {
            problem = $"no alert channel configured: give --url, or --settings local.settings.json with Values.{SettingName}, or set {SettingName} (in Azure it is the Key Vault secret alert-webhook-url)";
            return null;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            problem = $"the alert channel from {source} is not an http(s) URL";
            return null;
        }
        return new AlertChannel(uri, source);
    }
}
