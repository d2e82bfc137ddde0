namespace VoiceFunctions.MediaHost.Outbound;

/// <summary>The exposed headers an outbound call's description carries for the agent (there is no INVITE from the far end to carry them).</summary>
public static class OutboundCallHeaders
{
    /// <summary>"outbound" on every call we placed.</summary>
    public const string Direction = "X-VoiceFunctions-Direction";

    /// <summary>"human", "machine" (answering-machine detection's verdict) or "unknown" (detection off).</summary>
    public const string AnsweredBy = "X-VoiceFunctions-Answered-By";

    /// <summary>Prefix of each per-call variable: "X-VoiceFunctions-Var-name: value".</summary>
    public const string VariablePrefix = "X-VoiceFunctions-Var-";
}
