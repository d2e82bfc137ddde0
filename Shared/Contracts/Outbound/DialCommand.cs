namespace VoiceFunctions.Shared.Outbound;

/// <summary>
/// Direct mode: what the control plane asks the MediaHost to dial (POST /calls/outbound on the MediaHost, signed with
/// <see cref="BodySignature"/> under the AgentEvents key). The MediaHost answers with a <see cref="DialResult"/> once
/// the callee answered or dialling failed; an answered call then runs and is reported under <see cref="CallId"/>.
/// </summary>
/// <param name="CallId">The control plane's id of the call (the record's id).</param>
/// <param name="To">The callee, E.164.</param>
/// <param name="From">The caller ID (E.164) or null for the MediaHost's configured one.</param>
/// <param name="RingTimeoutSeconds">How long to ring before giving up (CANCEL).</param>
/// <param name="Variables">Per-call variables for the agent's prompt.</param>
public sealed record DialCommand(string CallId, string To, string? From, int RingTimeoutSeconds, IReadOnlyDictionary<string, string> Variables);
