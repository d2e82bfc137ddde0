namespace VoiceFunctions.Functions.Activities;

/// <summary>
/// The names the orchestrator calls activities by. They differ from the class names on purpose: the
/// Durable analyzers index both the <c>[Function]</c> wrappers and the activity classes, and a
/// shared name makes them collide.
/// </summary>
public static class ActivityNames
{
    public const string OpenCall = "OpenCall";
    public const string RecordCall = "RecordCall";
    public const string DispatchAgent = "DispatchAgent";
    public const string MarkAnswered = "MarkAnswered";
    public const string TransferCaller = "TransferCaller";
    public const string EndCall = "EndCall";
    public const string FinalizeCall = "FinalizeCall";
    public const string RecordRecording = "RecordRecording";
}
