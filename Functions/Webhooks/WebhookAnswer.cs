namespace VoiceFunctions.Functions.Webhooks;

/// <summary>
/// The JSON body of a 200 answer to a webhook or agent event: what was done with it. The MediaHost reads
/// <see cref="Status"/> ("status") of its agent events' answers: <see cref="CallDelivery.CallAlreadyFinished"/> to an event
/// it sent during a call (its answer, a turn, a quality report) makes it hang that call up (MediaHost/ControlPlane/FinishedCallRule).
/// </summary>
public sealed record WebhookAnswer(string Status, string? EventId, string? CallId);
