using System.Text.Json.Serialization;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>
/// The custom status of a call's orchestration. Phase and outcome are written by name, so the task hub's instance
/// table (what the Durable Functions monitor shows) reads "InCall", not 5.
/// </summary>
public sealed record CallStatus(
    [property: JsonConverter(typeof(JsonStringEnumConverter<CallPhase>))] CallPhase Phase,
    int DispatchAttempt,
    int Turns,
    [property: JsonConverter(typeof(JsonStringEnumConverter<CallOutcome>))] CallOutcome Outcome,
    string? Reason);
