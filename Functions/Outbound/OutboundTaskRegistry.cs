using Microsoft.DurableTask;

namespace VoiceFunctions.Functions.Outbound;

/// <summary>Registers the outbound orchestration and activities with a Durable Task worker (tests, local host) under their Functions names.</summary>
public static class OutboundTaskRegistry
{
    public static DurableTaskRegistry AddOutboundTasks(this DurableTaskRegistry registry)
    {
        registry.AddOrchestrator(nameof(OutboundCallOrchestrator), typeof(OutboundCallOrchestrator));
        registry.AddActivity(OutboundActivityNames.DialCallee, typeof(DialCalleeActivity));
        registry.AddActivity(OutboundActivityNames.RecordUnansweredCall, typeof(RecordUnansweredCallActivity));
        registry.AddActivity(OutboundActivityNames.StartAnsweredCall, typeof(StartAnsweredCallActivity));
        registry.AddActivity(OutboundActivityNames.DeliverPostCallReport, typeof(DeliverPostCallReportActivity));
        return registry;
    }
}
