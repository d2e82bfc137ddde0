using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.Shared.LiveKit.Api.Clients;

/// <summary>livekit.Ingress: RTMP, WHIP and URL inputs into a room. Grant: ingressAdmin. Create is never retried (a repeat makes a second ingress).</summary>
public sealed class IngressClient(LiveKitTwirpTransport transport)
{
    public Task<IngressInfo> CreateIngressAsync(CreateIngressRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync<CreateIngressRequest, IngressInfo>(LiveKitApiMethods.CreateIngress, request, TwirpGrant.IngressAdmin(), cancellationToken);

    public Task<IngressInfo> UpdateIngressAsync(UpdateIngressRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync<UpdateIngressRequest, IngressInfo>(LiveKitApiMethods.UpdateIngress, request, TwirpGrant.IngressAdmin(), cancellationToken);

    public async Task<IReadOnlyList<IngressInfo>> ListIngressAsync(ListIngressRequest? request = null, CancellationToken cancellationToken = default) =>
        (await transport.CallAsync<ListIngressRequest, ListIngressResponse>(
            LiveKitApiMethods.ListIngress, request ?? new(), TwirpGrant.IngressAdmin(), cancellationToken).ConfigureAwait(false)).Items;

    public Task<IngressInfo> DeleteIngressAsync(string ingressId, CancellationToken cancellationToken = default) =>
        transport.CallAsync<DeleteIngressRequest, IngressInfo>(LiveKitApiMethods.DeleteIngress, new DeleteIngressRequest { IngressId = ingressId }, TwirpGrant.IngressAdmin(), cancellationToken);
}
