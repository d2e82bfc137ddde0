using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.Calls.AgentEvents;

/// <summary>Parses and checks an agent event body; a problem is reported as one clear sentence.</summary>
public static class AgentEventParser
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The most SIP summary entries one report may carry (a few legs' worth).</summary>
    public const int MaxSipMessages = 4 * SipMessageSummary.MaxPerLeg;

    public static byte[] Serialize(AgentEventMessage message) => JsonSerializer.SerializeToUtf8Bytes(message, Json);

    /// <returns>The message, or null with <paramref name="problem"/> saying what is wrong.</returns>
    public static AgentEventMessage? TryParse(ReadOnlySpan<byte> body, string routeCallId, out string? problem)
    {
        AgentEventMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<AgentEventMessage>(body, Json);
        }
        catch (JsonException e)
        {
            problem = "the body is not a valid agent event: " + (e.Path is { } path ? $"at {path}: " : "") + FirstLine(e.Message);
            return null;
        }
        problem = message switch
        {
            null => "the body is JSON null",
            { Id.Length: 0 or > 200 } => "the event id must be 1 to 200 characters",
            _ when message.CallId != routeCallId => "the event's callId does not match the call in the URL",
            { Type: AgentEventType.Turn, Turn: null } => "a turn event needs a turn",
            { Type: AgentEventType.Turn, Turn.Sequence: < 1 } => "a turn's sequence starts at 1",
            _ when message.Turn is { } t && t.CallId != message.CallId => "the turn's callId does not match the event's",
            _ when message.Turn?.Problem() is { } turnProblem => turnProblem,
            { Type: AgentEventType.Transfer, TransferTo: null or "" } => "a transfer event needs transferTo",
            { Type: AgentEventType.Error, Error: null or "" } => "an error event needs error",
            { Type: AgentEventType.Summary, Summary: null } => "a summary event needs summary",
            { Type: AgentEventType.Recording, Recording: null } => "a recording event needs recording",
            { Type: AgentEventType.Recording, Recording.EgressId: null or "" } => "a recording event needs recording.egressId",
            { MediaHostId: { } hostId } when !MediaHosts.MediaHostIds.IsValid(hostId) => $"mediaHostId must be 1 to {MediaHosts.MediaHostIds.MaxLength} letters, digits, '.', '_' or '-'",
            { Type: AgentEventType.Quality, Quality: null } => "a quality event needs quality",
            _ when message.Quality?.Problem() is { } qualityProblem => qualityProblem,
            { Sip.Count: > MaxSipMessages } => $"a report carries at most {MaxSipMessages} SIP messages",
            _ when message.Sip?.Any(s => s is null) == true => "a SIP summary entry is null",
            _ when message.Sip?.Select(s => s.Problem()).FirstOrDefault(p => p is not null) is { } sipProblem => sipProblem,
            _ => null,
        };
        return problem is null ? message : null;
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        return end < 0 ? text : text[..end];
    }
}
