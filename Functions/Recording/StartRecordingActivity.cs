using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit.Api.Clients;

namespace VoiceFunctions.Functions.Recording;

/// <summary>
/// Starts the call's recording when its number is configured for it: an audio-only room-composite egress
/// to Azure Blob Storage. The recording (egress id, where the file will be) goes into the call record at
/// once; the egress webhooks fill in its progress, duration and size. Returns the egress id, or null when
/// the call is not recorded. Never retried by the orchestrator: a repeat would record twice.
/// </summary>
public sealed class StartRecordingActivity(EgressClient egress, IOptions<CallRecordingOptions> options, CallStore store, TimeProvider time)
    : CallActivity<StartRecordingInput, string?>
{
    public override async Task<string?> ExecuteAsync(StartRecordingInput input, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Records(input.CalledNumber))
        {
            return null;
        }
        var blobName = RecordingBlobs.BlobName(input.CallId);
        var info = await egress.StartRoomCompositeEgressAsync(RecordingEgressRequests.AudioOnlyToAzure(input.RoomName, blobName, o), ct).ConfigureAwait(false);
        var recording = new CallRecording(info.EgressId, info.Status.ToString(), Ended: false, RecordingBlobs.Url(o, blobName).ToString(), Error: null, time.GetUtcNow());
        await store.UpdateAsync(input.CallId, r => r with { Recording = CallRecording.Fold(r.Recording, recording) }, ct).ConfigureAwait(false);
        return info.EgressId;
    }
}
