using System.Diagnostics;

namespace VoiceFunctions.Shared.Observability;

/// <summary>The meter and activity source every component uses, so one registration exports all of them.</summary>
public static class VoiceFunctionsTelemetry
{
    /// <summary>Meter name: create instruments with <c>meterFactory.Create(MeterName)</c>.</summary>
    public const string MeterName = "VoiceFunctions";

    /// <summary>Activity source name of the spans (call, webhook, orchestration step, turn).</summary>
    public const string ActivitySourceName = "VoiceFunctions";

    public static ActivitySource ActivitySource { get; } = new(ActivitySourceName);
}
