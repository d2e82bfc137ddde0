namespace VoiceFunctions.Cli.Doctor;

/// <summary>One check's verdict with what was seen and, for a failure, the likely cause and the fix.</summary>
public sealed record DoctorCheck(string Name, DoctorStatus Status, string Evidence, string? Cause = null, string? Fix = null)
{
    /// <summary>The check's id (<see cref="DoctorSelection.Ids"/>), the name --only and --skip take.</summary>
    public string Check { get; init; } = "";

    public static DoctorCheck Pass(string name, string evidence) => new(name, DoctorStatus.Pass, evidence);

    public static DoctorCheck Warn(string name, string evidence, string? cause = null, string? fix = null) => new(name, DoctorStatus.Warn, evidence, cause, fix);

    public static DoctorCheck Fail(string name, string evidence, string cause, string fix) => new(name, DoctorStatus.Fail, evidence, cause, fix);

    public static DoctorCheck Skip(string name, string because) => new(name, DoctorStatus.Skip, because);
}
