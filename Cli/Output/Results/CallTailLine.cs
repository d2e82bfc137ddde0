using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Cli.Output.Results;

/// <summary>
/// One line of `calls tail --json` (schema/voicectl/calls-tail.schema.json): a call that is new or changed its outcome
/// ("call", with the call list's own item), or a turn of a followed call ("turn", with the call API's own turn).
/// One JSON object per line, so a script reads the tail as it comes.
/// </summary>
public sealed record CallTailLine(string Event, string CallId, CallSummary? Call, CallTurn? Turn)
{
    public static CallTailLine ForCall(CallSummary call) => new("call", call.CallId, call, null);

    public static CallTailLine ForTurn(string callId, CallTurn turn) => new("turn", callId, null, turn);
}
