namespace VoiceFunctions.Shared.Outbound;

/// <summary>The answer of POST /api/calls: the call's id (also its record's id) and whether it was placed by this request.</summary>
/// <param name="CallId">The call's id: GET /api/calls/{callId} shows its record, GET /api/calls/{callId}/dial how dialling went.</param>
/// <param name="Created">False when the idempotency key named a call placed before (nothing was dialled again).</param>
public sealed record PlaceCallResponse(string CallId, bool Created);
