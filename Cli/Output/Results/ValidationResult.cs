using VoiceFunctions.Shared.Telephony.Deployment;

namespace VoiceFunctions.Cli.Output.Results;

/// <summary>`sip validate --json` (schema/voicectl/sip-validate.schema.json).</summary>
public sealed record ValidationResult(string File, bool Valid, int Errors, int Warnings, IReadOnlyList<DiagnosticResult> Diagnostics)
{
    public static ValidationResult From(DeploymentDocument document) => new(
        Path.GetFileName(document.Path), document.IsValid, document.ErrorCount, document.WarningCount,
        document.Diagnostics.Select(d => new DiagnosticResult(d.Position.Line, d.Position.Column,
            d.IsError ? "error" : "warning", d.Code, d.Message, d.Explanation)).ToArray());
}
