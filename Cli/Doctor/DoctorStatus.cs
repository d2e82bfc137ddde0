namespace VoiceFunctions.Cli.Doctor;

public enum DoctorStatus
{
    Pass,
    Warn,
    Fail,

    /// <summary>Not run because a check it depends on failed.</summary>
    Skip,
}
