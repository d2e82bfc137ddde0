using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Outbound;

/// <summary>
/// Direct mode: the MediaHost's "answered" for a call whose record is already final came after the call was settled
/// (a placed call whose ring timeout ran out, written as not answered, its campaign attempt counted and perhaps due for
/// a retry; or a call that ended and was finalized, answered again by a redelivery). Such an answer starts nothing and
/// changes nothing in the record: starting the call would finalize the record a second time as answered, so the record
/// would say Completed while the campaign counted the attempt NoAnswer (and called the number again). Pure.
/// </summary>
public static class LateAnswerRule
{
    /// <summary>Whether an "answered" event for the call with <paramref name="record"/> may start (or join) its call.</summary>
    public static bool Starts(CallRecord record) => record.IsOpen;
}
