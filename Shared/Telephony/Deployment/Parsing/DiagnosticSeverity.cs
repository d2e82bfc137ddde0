namespace VoiceFunctions.Shared.Telephony.Deployment.Parsing;

public enum DiagnosticSeverity
{
    /// <summary>The setup works but is risky or surprising.</summary>
    Warning,

    /// <summary>The setup cannot work as written; the file is invalid.</summary>
    Error,
}
