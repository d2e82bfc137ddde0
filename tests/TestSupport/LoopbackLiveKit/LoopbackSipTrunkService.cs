using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.TestSupport.LoopbackLiveKit;

/// <summary>livekit.SIP trunk methods (grant sip.admin) with LiveKit's validation of trunks.</summary>
internal sealed class LoopbackSipTrunkService(LoopbackLiveKitState state)
{
    public void MapTo(LoopbackRouteTable routes)
    {
        routes.Map<CreateSipInboundTrunkRequest, SipInboundTrunkInfo>(LiveKitApiMethods.CreateSipInboundTrunk, (c, _) => LoopbackGrants.SipAdmin(c), CreateInbound);
        routes.Map<CreateSipOutboundTrunkRequest, SipOutboundTrunkInfo>(LiveKitApiMethods.CreateSipOutboundTrunk, (c, _) => LoopbackGrants.SipAdmin(c), CreateOutbound);
        routes.Map<GetSipInboundTrunkRequest, GetSipInboundTrunkResponse>(LiveKitApiMethods.GetSipInboundTrunk, (c, _) => LoopbackGrants.SipAdmin(c), GetInbound);
        routes.Map<GetSipOutboundTrunkRequest, GetSipOutboundTrunkResponse>(LiveKitApiMethods.GetSipOutboundTrunk, (c, _) => LoopbackGrants.SipAdmin(c), GetOutbound);
        routes.Map<ListSipInboundTrunkRequest, ListSipInboundTrunkResponse>(LiveKitApiMethods.ListSipInboundTrunk, (c, _) => LoopbackGrants.SipAdmin(c), ListInbound);
        routes.Map<ListSipOutboundTrunkRequest, ListSipOutboundTrunkResponse>(LiveKitApiMethods.ListSipOutboundTrunk, (c, _) => LoopbackGrants.SipAdmin(c), ListOutbound);
        routes.Map<UpdateSipInboundTrunkRequest, SipInboundTrunkInfo>(LiveKitApiMethods.UpdateSipInboundTrunk, (c, _) => LoopbackGrants.SipAdmin(c), UpdateInbound);
        routes.Map<UpdateSipOutboundTrunkRequest, SipOutboundTrunkInfo>(LiveKitApiMethods.UpdateSipOutboundTrunk, (c, _) => LoopbackGrants.SipAdmin(c), UpdateOutbound);
        routes.Map<DeleteSipTrunkRequest, SipTrunkInfo>(LiveKitApiMethods.DeleteSipTrunk, (c, _) => LoopbackGrants.SipAdmin(c), Delete);
    }

    private SipInboundTrunkInfo CreateInbound(CreateSipInboundTrunkRequest request)
    {
        var trunk = request.Trunk ?? throw LoopbackTwirpException.Invalid("trunk is required");
        if (trunk.SipTrunkId.Length > 0)
        {
            throw LoopbackTwirpException.Invalid("trunk ID must be empty");
        }
        lock (state.Lock)
        {
            trunk.SipTrunkId = LoopbackLiveKitState.NewId("ST_");
            CheckInboundConflicts(trunk);
            state.InboundTrunks[trunk.SipTrunkId] = trunk;
            return LoopbackLiveKitState.Copy(trunk);
        }
    }

    private SipOutboundTrunkInfo CreateOutbound(CreateSipOutboundTrunkRequest request)
    {
        var trunk = request.Trunk ?? throw LoopbackTwirpException.Invalid("trunk is required");
        if (trunk.SipTrunkId.Length > 0)
        {
            throw LoopbackTwirpException.Invalid("trunk ID must be empty");
        }
        ValidateOutbound(trunk);
        lock (state.Lock)
        {
            trunk.SipTrunkId = LoopbackLiveKitState.NewId("ST_");
            state.OutboundTrunks[trunk.SipTrunkId] = trunk;
            return LoopbackLiveKitState.Copy(trunk);
        }
    }

    private GetSipInboundTrunkResponse GetInbound(GetSipInboundTrunkRequest request)
    {
        lock (state.Lock)
        {
            return new GetSipInboundTrunkResponse { Trunk = LoopbackLiveKitState.Copy(FindInbound(request.SipTrunkId)) };
        }
    }

    private GetSipOutboundTrunkResponse GetOutbound(GetSipOutboundTrunkRequest request)
    {
        lock (state.Lock)
        {
            return new GetSipOutboundTrunkResponse { Trunk = LoopbackLiveKitState.Copy(FindOutbound(request.SipTrunkId)) };
        }
    }

    private ListSipInboundTrunkResponse ListInbound(ListSipInboundTrunkRequest request)
    {
        lock (state.Lock)
        {
            var trunks = state.InboundTrunks.Values.Where(t =>
                (request.TrunkIds.Count == 0 || request.TrunkIds.Contains(t.SipTrunkId)) &&
                (request.Numbers.Count == 0 || t.Numbers.Count == 0 || t.Numbers.Intersect(request.Numbers).Any()));
            return new ListSipInboundTrunkResponse { Items = LoopbackListMath.Page(trunks, t => t.SipTrunkId, request.Page).Select(LoopbackLiveKitState.Copy).ToList() };
        }
    }

    private ListSipOutboundTrunkResponse ListOutbound(ListSipOutboundTrunkRequest request)
    {
        lock (state.Lock)
        {
            var trunks = state.OutboundTrunks.Values.Where(t =>
                (request.TrunkIds.Count == 0 || request.TrunkIds.Contains(t.SipTrunkId)) &&
                (request.Numbers.Count == 0 || t.Numbers.Intersect(request.Numbers).Any()));
            return new ListSipOutboundTrunkResponse { Items = LoopbackListMath.Page(trunks, t => t.SipTrunkId, request.Page).Select(LoopbackLiveKitState.Copy).ToList() };
        }
    }

    private SipInboundTrunkInfo UpdateInbound(UpdateSipInboundTrunkRequest request)
    {
        lock (state.Lock)
        {
            var current = FindInbound(request.SipTrunkId);
            SipInboundTrunkInfo updated;
            if (request.Replace is { } replace)
            {
                updated = replace;
            }
            else if (request.Update is { } update)
            {
                updated = LoopbackLiveKitState.Copy(current);
                updated.Numbers = LoopbackListMath.Apply(updated.Numbers, update.Numbers);
                updated.AllowedAddresses = LoopbackListMath.Apply(updated.AllowedAddresses, update.AllowedAddresses);
                updated.AllowedNumbers = LoopbackListMath.Apply(updated.AllowedNumbers, update.AllowedNumbers);
                updated.AuthUsername = update.AuthUsername ?? updated.AuthUsername;
                updated.AuthPassword = update.AuthPassword ?? updated.AuthPassword;
                updated.AuthRealm = update.AuthRealm ?? updated.AuthRealm;
                updated.Name = update.Name ?? updated.Name;
                updated.Metadata = update.Metadata ?? updated.Metadata;
            }
            else
            {
                throw LoopbackTwirpException.Invalid("missing or unsupported action");
            }
            updated.SipTrunkId = current.SipTrunkId;
            CheckInboundConflicts(updated);
            state.InboundTrunks[updated.SipTrunkId] = updated;
            return LoopbackLiveKitState.Copy(updated);
        }
    }

    private SipOutboundTrunkInfo UpdateOutbound(UpdateSipOutboundTrunkRequest request)
    {
        lock (state.Lock)
        {
            var current = FindOutbound(request.SipTrunkId);
            SipOutboundTrunkInfo updated;
            if (request.Replace is { } replace)
            {
                updated = replace;
            }
            else if (request.Update is { } update)
            {
                updated = LoopbackLiveKitState.Copy(current);
                updated.Address = update.Address ?? updated.Address;
                updated.Transport = update.Transport ?? updated.Transport;
                updated.DestinationCountry = update.DestinationCountry ?? updated.DestinationCountry;
                updated.Numbers = LoopbackListMath.Apply(updated.Numbers, update.Numbers);
                updated.AuthUsername = update.AuthUsername ?? updated.AuthUsername;
                updated.AuthPassword = update.AuthPassword ?? updated.AuthPassword;
                updated.Name = update.Name ?? updated.Name;
                updated.Metadata = update.Metadata ?? updated.Metadata;
                updated.FromHost = update.FromHost ?? updated.FromHost;
            }
            else
            {
                throw LoopbackTwirpException.Invalid("missing or unsupported action");
            }
            updated.SipTrunkId = current.SipTrunkId;
            ValidateOutbound(updated);
            state.OutboundTrunks[updated.SipTrunkId] = updated;
            return LoopbackLiveKitState.Copy(updated);
        }
    }

    private SipTrunkInfo Delete(DeleteSipTrunkRequest request)
    {
        lock (state.Lock)
        {
            if (state.InboundTrunks.Remove(request.SipTrunkId, out var inbound))
            {
                return new SipTrunkInfo { SipTrunkId = inbound.SipTrunkId, Name = inbound.Name, Metadata = inbound.Metadata };
            }
            if (state.OutboundTrunks.Remove(request.SipTrunkId, out var outbound))
            {
                return new SipTrunkInfo { SipTrunkId = outbound.SipTrunkId, Name = outbound.Name, Metadata = outbound.Metadata };
            }
            throw LoopbackTwirpException.NotFound("requested sip trunk does not exist");
        }
    }

    /// <summary>
    /// LiveKit refuses a second inbound trunk for the same called number(s) unless their AllowedNumbers
    /// (caller numbers) tell the calls apart; two wildcard trunks collide the same way.
    /// </summary>
    private void CheckInboundConflicts(SipInboundTrunkInfo trunk)
    {
        foreach (var other in state.InboundTrunks.Values.Where(t => t.SipTrunkId != trunk.SipTrunkId))
        {
            if (!LoopbackListMath.Collide(trunk.Numbers, other.Numbers))
            {
                continue;
            }
            var callersApart = trunk.AllowedNumbers.Count > 0 && other.AllowedNumbers.Count > 0 &&
                !trunk.AllowedNumbers.Intersect(other.AllowedNumbers).Any();
            if (!callersApart)
            {
                var numbers = trunk.Numbers.Count == 0 ? "<any>" : string.Join(",", trunk.Numbers.Intersect(other.Numbers));
                throw LoopbackTwirpException.Invalid(
                    $"Conflicting inbound SIP Trunks: \"{other.SipTrunkId}\" and \"{trunk.SipTrunkId}\", using the same number(s) [{numbers}] without AllowedNumbers set");
            }
        }
    }

    private static void ValidateOutbound(SipOutboundTrunkInfo trunk)
    {
        if (trunk.Address.Length == 0)
        {
            throw LoopbackTwirpException.Invalid("no outbound address specified");
        }
        if (trunk.Address.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || trunk.Address.StartsWith("sips:", StringComparison.OrdinalIgnoreCase) || trunk.Address.Contains('@'))
        {
            throw LoopbackTwirpException.Invalid("trunk address must be a hostname or IP with an optional port, not a SIP URI");
        }
        if (trunk.Numbers.Count == 0)
        {
            throw LoopbackTwirpException.Invalid("no trunk numbers specified");
        }
    }

    private SipInboundTrunkInfo FindInbound(string id) =>
        state.InboundTrunks.GetValueOrDefault(id) ?? throw LoopbackTwirpException.NotFound("requested sip trunk does not exist");

    private SipOutboundTrunkInfo FindOutbound(string id) =>
        state.OutboundTrunks.GetValueOrDefault(id) ?? throw LoopbackTwirpException.NotFound("requested sip trunk does not exist");
}
