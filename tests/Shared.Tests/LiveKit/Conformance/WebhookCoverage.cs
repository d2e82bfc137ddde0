using VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

namespace VoiceFunctions.Shared.Tests.LiveKit.Conformance;

/// <summary>
/// Walks LiveKit's WebhookEvent and the messages it carries next to the fields our webhook parser reads
/// (<see cref="WebhookFieldCatalog"/>). A field the parser reads that LiveKit does not define is a mismatch
/// (it would never arrive); a field LiveKit sends that we do not read must be listed with a reason.
/// </summary>
public sealed class WebhookCoverage(ProtocolDefinitions protocol, UnsupportedFields unsupported)
{
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);

    public CoverageReport Fields { get; } = new();

    public WebhookCoverage Walk()
    {
        Visit("livekit.WebhookEvent");
        foreach (var (message, names) in WebhookFieldCatalog.ByMessage)
        {
            var defined = protocol.Messages.TryGetValue(message, out var fields) ? fields : [];
            foreach (var name in names.Where(n => defined.All(f => f.JsonName != n)))
            {
                Fields.Mismatches.Add($"{message}: the webhook parser reads '{name}', which LiveKit does not define");
            }
        }
        return this;
    }

    private void Visit(string message)
    {
        if (!_visited.Add(message))
        {
            return;
        }
        var read = WebhookFieldCatalog.ByMessage.TryGetValue(message, out var names) ? names : [];
        foreach (var field in protocol.Messages[message])
        {
            var covered = read.Contains(field.JsonName);
            Fields.Count($"webhook {message}.{field.JsonName}", covered, unsupported);
            if (covered && field.ValueKind == "message")
            {
                Visit(field.Type);
            }
        }
    }
}
