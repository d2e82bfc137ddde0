using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Activities;

public sealed record RecordCallInput(string CallId, string RoomName, DateTimeOffset StartedAt, CallerInfo? Caller);

public sealed record DispatchAgentInput(string CallId, string RoomName, int Attempt);

public sealed record MarkAnsweredInput(string CallId, DateTimeOffset AnsweredAt, int DispatchAttempts);

public sealed record TransferCallerInput(string CallId, string RoomName, string CallerIdentity, string TransferTo)
{
    /// <summary>True when the agent asked for the transfer; false for the human fallback after no answer.</summary>
    public bool Requested { get; init; }
}

public sealed record EndCallInput(string CallId, string RoomName, string Why);

public sealed record FinalizeCallInput(string CallId, DateTimeOffset EndedAt, CallOutcome Outcome, CallEndReason EndReason, string ReasonText, int DispatchAttempts)
{
    /// <summary>Where the caller was transferred (a transferred call's record keeps it; the reason text never does).</summary>
    public string? TransferTo { get; init; }
}

public sealed record RecordRecordingInput(string CallId, CallRecording Recording);
