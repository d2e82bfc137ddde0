using System.Collections;
using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Shared.Observability.Logging;

/// <summary>
/// The scope every log line of a call carries: <see cref="TelemetryFields.CallId"/> and <see cref="TelemetryFields.Room"/>
/// (the trace id comes from the current Activity through the logger factory's activity tracking).
/// Usage: <c>using var scope = logger.BeginCallScope(callId, room);</c>
/// </summary>
public sealed class CallLogScope(string callId, string? room) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public string CallId { get; } = callId;

    public string? Room { get; } = room;

    public int Count => 2;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new(TelemetryFields.CallId, CallId),
        1 => new(TelemetryFields.Room, Room),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
        yield return this[1];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{TelemetryFields.CallId}:{CallId} {TelemetryFields.Room}:{Room}";
}
