namespace VoiceFunctions.Cli.Simulation;

/// <summary>`sip simulate`'s answer: accepted or not, each step that led there, and where the call lands.</summary>
public sealed record SimulationReport(
    bool Accepted,
    SimulatedCallView Call,
    IReadOnlyList<SimulationStep> Steps,
    string? Trunk,
    string? DispatchRule,
    string? Room,
    string? SipResponse,
    string Source);
