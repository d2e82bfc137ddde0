using Microsoft.DurableTask;
using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Functions.Campaigns;
using VoiceFunctions.Functions.Outbound;

namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>
/// Registers the call orchestration and its activities with a Durable Task worker under the names
/// Azure Functions gives them, so the in-process host (tests, local host) runs the same code.
/// </summary>
public static class CallTaskRegistry
{
    public static DurableTaskRegistry AddCallTasks(this DurableTaskRegistry registry)
    {
        registry.AddOrchestrator(nameof(CallOrchestrator), typeof(CallOrchestrator));
        registry.AddActivity(ActivityNames.OpenCall, typeof(OpenCallActivity));
        registry.AddActivity(ActivityNames.RecordCall, typeof(RecordCallActivity));
        registry.AddActivity(ActivityNames.DispatchAgent, typeof(DispatchAgentActivity));
        registry.AddActivity(ActivityNames.MarkAnswered, typeof(MarkAnsweredActivity));
        registry.AddActivity(ActivityNames.TransferCaller, typeof(TransferCallerActivity));
        registry.AddActivity(ActivityNames.EndCall, typeof(EndCallActivity));
        registry.AddActivity(ActivityNames.FinalizeCall, typeof(FinalizeCallActivity));
        registry.AddActivity(ActivityNames.RecordRecording, typeof(RecordRecordingActivity));
        registry.AddActivity(Recording.RecordingActivityNames.StartRecording, typeof(Recording.StartRecordingActivity));
        registry.AddActivity(Recording.RecordingActivityNames.StopRecording, typeof(Recording.StopRecordingActivity));
        registry.AddOrchestrator(nameof(MediaHosts.MediaHostMonitor), typeof(MediaHosts.MediaHostMonitor));
        registry.AddActivity(MediaHosts.RecordLostCallsActivity.Name, typeof(MediaHosts.RecordLostCallsActivity));
        return registry.AddOutboundTasks().AddCampaignTasks();
    }
}
