namespace VoiceFunctions.MediaHost.Sip.Policy;

/// <summary>The real process CPU time (a cheap read of the runtime's counters, no Process object).</summary>
public sealed class ProcessCpuTimeSource : ICpuTimeSource
{
    public static readonly ProcessCpuTimeSource Instance = new();

    public TimeSpan TotalProcessorTime => Environment.CpuUsage.TotalTime;
}
