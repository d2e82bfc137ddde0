namespace VoiceFunctions.Functions.Webhooks;

/// <summary>The JSON body of a 200 answer to a webhook or agent event: what was done with it.</summary>
public sealed record WebhookAnswer(string Status, string? EventId, string? CallId);
