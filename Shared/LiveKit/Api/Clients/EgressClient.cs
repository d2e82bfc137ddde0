using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.Shared.LiveKit.Api.Clients;

/// <summary>livekit.Egress: recordings and track exports. Grant: roomRecord. Starts are never retried (a repeat would record twice).</summary>
public sealed class EgressClient(LiveKitTwirpTransport transport)
{
    /// <summary>Records the whole room into the request's outputs (files, streams, segments, images; S3, GCP, Azure Blob or OSS).</summary>
    public Task<EgressInfo> StartRoomCompositeEgressAsync(RoomCompositeEgressRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync<RoomCompositeEgressRequest, EgressInfo>(LiveKitApiMethods.StartRoomCompositeEgress, request, TwirpGrant.RoomRecord(), cancellationToken);

    /// <summary>Exports one track to a file, or an audio track as raw PCM over a WebSocket.</summary>
    public Task<EgressInfo> StartTrackEgressAsync(TrackEgressRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync<TrackEgressRequest, EgressInfo>(LiveKitApiMethods.StartTrackEgress, request, TwirpGrant.RoomRecord(), cancellationToken);

    /// <summary>Records or streams a web page.</summary>
    public Task<EgressInfo> StartWebEgressAsync(WebEgressRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync<WebEgressRequest, EgressInfo>(LiveKitApiMethods.StartWebEgress, request, TwirpGrant.RoomRecord(), cancellationToken);

    /// <summary>Records one participant's audio and video (camera or screen share).</summary>
    public Task<EgressInfo> StartParticipantEgressAsync(ParticipantEgressRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync<ParticipantEgressRequest, EgressInfo>(LiveKitApiMethods.StartParticipantEgress, request, TwirpGrant.RoomRecord(), cancellationToken);

    /// <summary>Records one audio and/or one video track together (a phone call's caller track, audio only).</summary>
    public Task<EgressInfo> StartTrackCompositeEgressAsync(TrackCompositeEgressRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync<TrackCompositeEgressRequest, EgressInfo>(LiveKitApiMethods.StartTrackCompositeEgress, request, TwirpGrant.RoomRecord(), cancellationToken);

    /// <summary>The unified egress request: one source (template, web page or chosen tracks), outputs and storage.</summary>
    public Task<EgressInfo> StartEgressAsync(StartEgressRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync<StartEgressRequest, EgressInfo>(LiveKitApiMethods.StartEgress, request, TwirpGrant.RoomRecord(), cancellationToken);

    /// <summary>Changes a running room-composite or web egress's layout.</summary>
    public Task<EgressInfo> UpdateLayoutAsync(string egressId, string layout, CancellationToken cancellationToken = default) =>
        transport.CallAsync<UpdateLayoutRequest, EgressInfo>(
            LiveKitApiMethods.UpdateLayout, new UpdateLayoutRequest { EgressId = egressId, Layout = layout }, TwirpGrant.RoomRecord(), cancellationToken);

    /// <summary>Adds or removes stream URLs of a running egress. Never retried.</summary>
    public Task<EgressInfo> UpdateStreamAsync(UpdateStreamRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync<UpdateStreamRequest, EgressInfo>(LiveKitApiMethods.UpdateStream, request, TwirpGrant.RoomRecord(), cancellationToken);

    public Task<EgressInfo> StopEgressAsync(string egressId, CancellationToken cancellationToken = default) =>
        transport.CallAsync<StopEgressRequest, EgressInfo>(LiveKitApiMethods.StopEgress, new StopEgressRequest { EgressId = egressId }, TwirpGrant.RoomRecord(), cancellationToken);

    public async Task<IReadOnlyList<EgressInfo>> ListEgressAsync(ListEgressRequest? request = null, CancellationToken cancellationToken = default) =>
        (await transport.CallAsync<ListEgressRequest, ListEgressResponse>(
            LiveKitApiMethods.ListEgress, request ?? new(), TwirpGrant.RoomRecord(), cancellationToken).ConfigureAwait(false)).Items;
}
