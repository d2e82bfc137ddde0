namespace VoiceFunctions.Cli.Output.Results;

/// <summary>One problem of a deployment file, where it is and what it means.</summary>
public sealed record DiagnosticResult(int Line, int Column, string Severity, string Code, string Message, string? Explanation);
