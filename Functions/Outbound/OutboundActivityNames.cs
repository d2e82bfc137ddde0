namespace VoiceFunctions.Functions.Outbound;

/// <summary>The names of the outbound activities (different from their class names, as in <c>ActivityNames</c>).</summary>
public static class OutboundActivityNames
{
    public const string DialCallee = "DialCallee";
    public const string RecordUnansweredCall = "RecordUnansweredCall";
    public const string StartAnsweredCall = "StartAnsweredCall";
    public const string DeliverPostCallReport = "DeliverPostCallReport";
}
