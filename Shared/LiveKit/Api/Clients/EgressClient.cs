using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.Shared.LiveKit.Api.Clients;

/// <summary>livekit.Egress: recordings and track exports. Grant: roomRecord. Starts are never retried (a repeat would record twice).</summary>
public sealed class EgressClient(LiveKitTwirpTransport transport)
{
    /// <summary>Records the whole room into the request's file outputs (local path or S3).</summary>
    public Task<EgressInfo> StartRoomCompositeEgressAsync(RoomCompositeEgressRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync<RoomCompositeEgressRequest, EgressInfo>(LiveKitApiMethods.StartRoomCompositeEgress, request, TwirpGrant.RoomRecord(), cancellationToken);

    /// <summary>Exports one track to a file, or an audio track as raw PCM over a WebSocket.</summary>
    public Task<EgressInfo> StartTrackEgressAsync(TrackEgressRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync<TrackEgressRequest, EgressInfo>(LiveKitApiMethods.StartTrackEgress, request, TwirpGrant.RoomRecord(), cancellationToken);

    public Task<EgressInfo> StopEgressAsync(string egressId, CancellationToken cancellationToken = default) =>
        transport.CallAsync<StopEgressRequest, EgressInfo>(LiveKitApiMethods.StopEgress, new StopEgressRequest { EgressId = egressId }, TwirpGrant.RoomRecord(), cancellationToken);

    public async Task<IReadOnlyList<EgressInfo>> ListEgressAsync(ListEgressRequest? request = null, CancellationToken cancellationToken = default) =>
        (await transport.CallAsync<ListEgressRequest, ListEgressResponse>(
            LiveKitApiMethods.ListEgress, request ?? new(), TwirpGrant.RoomRecord(), cancellationToken).ConfigureAwait(false)).Items;
}
