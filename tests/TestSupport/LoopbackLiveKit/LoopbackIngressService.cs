using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.TestSupport.LoopbackLiveKit;

/// <summary>livekit.Ingress (grant ingressAdmin). RTMP and WHIP ingresses get a stream key and are reusable; URL ingresses pull from their url.</summary>
internal sealed class LoopbackIngressService(LoopbackLiveKitState state)
{
    public void MapTo(LoopbackRouteTable routes)
    {
        routes.Map<CreateIngressRequest, IngressInfo>(LiveKitApiMethods.CreateIngress, (c, _) => LoopbackGrants.IngressAdmin(c), Create);
        routes.Map<UpdateIngressRequest, IngressInfo>(LiveKitApiMethods.UpdateIngress, (c, _) => LoopbackGrants.IngressAdmin(c), Update);
        routes.Map<ListIngressRequest, ListIngressResponse>(LiveKitApiMethods.ListIngress, (c, _) => LoopbackGrants.IngressAdmin(c), List);
        routes.Map<DeleteIngressRequest, IngressInfo>(LiveKitApiMethods.DeleteIngress, (c, _) => LoopbackGrants.IngressAdmin(c), Delete);
    }

    private IngressInfo Create(CreateIngressRequest request)
    {
        if (request.InputType == IngressInput.Url && request.Url.Length == 0)
        {
            throw LoopbackTwirpException.Invalid("missing url for URL_INPUT");
        }
        if (request.InputType != IngressInput.Url && request.Url.Length > 0)
        {
            throw LoopbackTwirpException.Invalid("url is only allowed for URL_INPUT");
        }
        var streamKey = request.InputType == IngressInput.Url ? "" : LoopbackLiveKitState.NewId("");
        var ingress = new IngressInfo
        {
            IngressId = LoopbackLiveKitState.NewId("IN_"),
            Name = request.Name,
            StreamKey = streamKey,
            Url = request.InputType switch
            {
                IngressInput.Rtmp => "rtmp://127.0.0.1/x",
                IngressInput.Whip => "http://127.0.0.1/w",
                _ => request.Url,
            },
            InputType = request.InputType,
            BypassTranscoding = request.BypassTranscoding,
            EnableTranscoding = request.EnableTranscoding,
            Reusable = request.InputType != IngressInput.Url,
            State = new IngressState { Status = IngressStatus.EndpointInactive },
            RoomName = request.RoomName,
            ParticipantIdentity = request.ParticipantIdentity,
            ParticipantName = request.ParticipantName,
            ParticipantMetadata = request.ParticipantMetadata,
            Enabled = request.Enabled,
        };
        lock (state.Lock)
        {
            state.Ingresses[ingress.IngressId] = ingress;
            return LoopbackLiveKitState.Copy(ingress);
        }
    }

    private IngressInfo Update(UpdateIngressRequest request)
    {
        lock (state.Lock)
        {
            var ingress = Find(request.IngressId);
            ingress.Name = request.Name.Length > 0 ? request.Name : ingress.Name;
            ingress.RoomName = request.RoomName.Length > 0 ? request.RoomName : ingress.RoomName;
            ingress.ParticipantIdentity = request.ParticipantIdentity.Length > 0 ? request.ParticipantIdentity : ingress.ParticipantIdentity;
            ingress.ParticipantName = request.ParticipantName.Length > 0 ? request.ParticipantName : ingress.ParticipantName;
            ingress.ParticipantMetadata = request.ParticipantMetadata.Length > 0 ? request.ParticipantMetadata : ingress.ParticipantMetadata;
            ingress.EnableTranscoding = request.EnableTranscoding ?? ingress.EnableTranscoding;
            ingress.Enabled = request.Enabled ?? ingress.Enabled;
            return LoopbackLiveKitState.Copy(ingress);
        }
    }

    private ListIngressResponse List(ListIngressRequest request)
    {
        lock (state.Lock)
        {
            var items = state.Ingresses.Values.Where(i =>
                (request.RoomName.Length == 0 || i.RoomName == request.RoomName) &&
                (request.IngressId.Length == 0 || i.IngressId == request.IngressId));
            return new ListIngressResponse { Items = items.Select(LoopbackLiveKitState.Copy).ToList() };
        }
    }

    private IngressInfo Delete(DeleteIngressRequest request)
    {
        lock (state.Lock)
        {
            var ingress = Find(request.IngressId);
            state.Ingresses.Remove(ingress.IngressId);
            return LoopbackLiveKitState.Copy(ingress);
        }
    }

    private IngressInfo Find(string id) =>
        state.Ingresses.GetValueOrDefault(id) ?? throw LoopbackTwirpException.NotFound("ingress does not exist");
}
