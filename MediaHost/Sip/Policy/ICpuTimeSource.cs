namespace VoiceFunctions.MediaHost.Sip.Policy;

/// <summary>The CPU time this process has used so far (user + kernel, all threads): what <see cref="CpuAdmission"/> samples.</summary>
public interface ICpuTimeSource
{
    TimeSpan TotalProcessorTime { get; }
}
