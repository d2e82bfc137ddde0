namespace VoiceFunctions.Cli.Simulation;

/// <summary>
/// One step of a simulated call: which rule decided (<see cref="Rule"/>, e.g. "inbound trunk 'novofon'"),
/// the line of the file it is written on (null when it is not in the file), and, when the call ends here,
/// what the caller's side sees (<see cref="SipResponse"/>: "503 Try again later", or "no final response").
/// </summary>
public sealed record SimulationStep(string Step, StepVerdict Verdict, string Detail, string? Rule = null, int? Line = null,
    string? SipResponse = null, string? File = null);
