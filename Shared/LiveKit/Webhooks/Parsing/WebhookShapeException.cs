namespace VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

/// <summary>A known field has the wrong JSON type; becomes a 400 WrongShape naming the field (never its value).</summary>
internal sealed class WebhookShapeException(string path, string expected)
    : Exception($"'{path}' must be {expected}")
{
    public string Path { get; } = path;
}
