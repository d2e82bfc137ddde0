namespace VoiceFunctions.Shared.Outbound;

/// <summary>GET /api/calls/{callId}/dial: where dialling an outbound call stands.</summary>
/// <param name="CallId">The call.</param>
/// <param name="State">"dialing" until the callee answered or dialling failed, then "completed".</param>
/// <param name="Result">The dial's result once known.</param>
public sealed record DialStatusResponse(string CallId, string State, DialResult? Result);
