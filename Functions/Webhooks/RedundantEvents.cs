using System.Text.Json;
using Microsoft.DurableTask.Client;
using VoiceFunctions.Functions.Orchestrations;

namespace VoiceFunctions.Functions.Webhooks;

/// <summary>
/// Events a running call's orchestration would not act on, judged from its custom status. Not raising them saves a
/// queue message and an orchestration episode each (about six storage requests on the Azure Storage provider): LiveKit
/// reports an answer twice (the agent's join and its published track), and the room's end after we ended the call.
/// Safe with a stale status because the phase only moves forward: an answer once the status says InCall was recorded
/// before that status was written, and from Ending on the orchestration waits for no event at all. Direct mode is left
/// alone (every MediaHost event also says the MediaHost is alive), and so are recording reports (stored at any phase).
/// </summary>
public static class RedundantEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static bool ChangeNothing(CallEvent e, OrchestrationMetadata instance, bool direct)
    {
        if (direct || e.Kind == CallEventKind.RecordingUpdated || Phase(instance.SerializedCustomStatus) is not { } phase)
        {
            return false;
        }
        return phase switch
        {
            CallPhase.Ending or CallPhase.Finalizing or CallPhase.Completed => true,
            CallPhase.InCall => e.Kind == CallEventKind.AgentAnswered,
            _ => false,
        };
    }

    private static CallPhase? Phase(string? customStatus)
    {
        if (string.IsNullOrEmpty(customStatus))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<CallStatus>(customStatus, Json)?.Phase;
        }
        catch (JsonException)
        {
            return null; // not a call's status: raise as usual
        }
    }
}
