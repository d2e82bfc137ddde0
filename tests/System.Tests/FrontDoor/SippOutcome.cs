namespace VoiceFunctions.System.Tests.FrontDoor;

/// <summary>What a sipp run reported: its exit code (0 when every call succeeded), the call counts and its error log.</summary>
internal sealed record SippOutcome(int ExitCode, int Successful, int Failed, string Errors);
