namespace VoiceFunctions.Shared.Telephony.Deployment.Parsing;

/// <summary>
/// One problem found in a deployment file. <see cref="Message"/> says what is wrong in one
/// sentence; <see cref="Explanation"/> (optional) says what LiveKit or the SIP bridge will do with
/// it and how to fix it. Messages never contain a secret's value.
/// </summary>
public sealed record Diagnostic(
    DiagnosticSeverity Severity,
    string Code,
    SourcePosition Position,
    string Message,
    string? Explanation = null)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString() =>
        $"{Position} {(IsError ? "error" : "warning")} {Code}: {Message}";
}
