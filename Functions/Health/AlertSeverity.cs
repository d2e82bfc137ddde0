namespace VoiceFunctions.Functions.Health;

/// <summary>How bad an alert is: a component down is critical, only degraded ones a warning, a recovery information.</summary>
public enum AlertSeverity
{
    Info,
    Warning,
    Critical,
}
