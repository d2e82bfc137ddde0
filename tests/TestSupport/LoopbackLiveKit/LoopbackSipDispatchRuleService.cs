using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.TestSupport.LoopbackLiveKit;

/// <summary>livekit.SIP dispatch-rule methods (grant sip.admin), accepting the top-level and the nested create form.</summary>
internal sealed class LoopbackSipDispatchRuleService(LoopbackLiveKitState state)
{
    public void MapTo(LoopbackRouteTable routes)
    {
        routes.Map<CreateSipDispatchRuleRequest, SipDispatchRuleInfo>(LiveKitApiMethods.CreateSipDispatchRule, (c, _) => LoopbackGrants.SipAdmin(c), Create);
        routes.Map<UpdateSipDispatchRuleRequest, SipDispatchRuleInfo>(LiveKitApiMethods.UpdateSipDispatchRule, (c, _) => LoopbackGrants.SipAdmin(c), Update);
        routes.Map<ListSipDispatchRuleRequest, ListSipDispatchRuleResponse>(LiveKitApiMethods.ListSipDispatchRule, (c, _) => LoopbackGrants.SipAdmin(c), List);
        routes.Map<DeleteSipDispatchRuleRequest, SipDispatchRuleInfo>(LiveKitApiMethods.DeleteSipDispatchRule, (c, _) => LoopbackGrants.SipAdmin(c), Delete);
    }

    private SipDispatchRuleInfo Create(CreateSipDispatchRuleRequest request)
    {
        var rule = request.DispatchRule ?? new SipDispatchRuleInfo
        {
            Rule = request.Rule,
            TrunkIds = request.TrunkIds,
            HidePhoneNumber = request.HidePhoneNumber,
            InboundNumbers = request.InboundNumbers,
            Name = request.Name,
            Metadata = request.Metadata,
            Attributes = request.Attributes,
            RoomPreset = request.RoomPreset,
            RoomConfig = request.RoomConfig,
        };
        if (rule.SipDispatchRuleId.Length > 0)
        {
            throw LoopbackTwirpException.Invalid("rule ID must be empty");
        }
        lock (state.Lock)
        {
            rule.SipDispatchRuleId = LoopbackLiveKitState.NewId("SDR_");
            Validate(rule);
            state.DispatchRules[rule.SipDispatchRuleId] = rule;
            return LoopbackLiveKitState.Copy(rule);
        }
    }

    private SipDispatchRuleInfo Update(UpdateSipDispatchRuleRequest request)
    {
        lock (state.Lock)
        {
            var current = state.DispatchRules.GetValueOrDefault(request.SipDispatchRuleId)
                ?? throw LoopbackTwirpException.NotFound("requested sip dispatch rule does not exist");
            SipDispatchRuleInfo updated;
            if (request.Replace is { } replace)
            {
                updated = replace;
            }
            else if (request.Update is { } update)
            {
                updated = LoopbackLiveKitState.Copy(current);
                updated.TrunkIds = LoopbackListMath.Apply(updated.TrunkIds, update.TrunkIds);
                updated.Rule = update.Rule ?? updated.Rule;
                updated.Name = update.Name ?? updated.Name;
                updated.Metadata = update.Metadata ?? updated.Metadata;
                foreach (var (key, value) in update.Attributes)
                {
                    updated.Attributes[key] = value;
                }
            }
            else
            {
                throw LoopbackTwirpException.Invalid("missing or unsupported action");
            }
            updated.SipDispatchRuleId = current.SipDispatchRuleId;
            Validate(updated);
            state.DispatchRules[updated.SipDispatchRuleId] = updated;
            return LoopbackLiveKitState.Copy(updated);
        }
    }

    private ListSipDispatchRuleResponse List(ListSipDispatchRuleRequest request)
    {
        lock (state.Lock)
        {
            var rules = state.DispatchRules.Values.Where(r =>
                (request.DispatchRuleIds.Count == 0 || request.DispatchRuleIds.Contains(r.SipDispatchRuleId)) &&
                (request.TrunkIds.Count == 0 || r.TrunkIds.Count == 0 || r.TrunkIds.Intersect(request.TrunkIds).Any()));
            return new ListSipDispatchRuleResponse { Items = LoopbackListMath.Page(rules, r => r.SipDispatchRuleId, request.Page).Select(LoopbackLiveKitState.Copy).ToList() };
        }
    }

    private SipDispatchRuleInfo Delete(DeleteSipDispatchRuleRequest request)
    {
        lock (state.Lock)
        {
            return state.DispatchRules.Remove(request.SipDispatchRuleId, out var rule)
                ? rule
                : throw LoopbackTwirpException.NotFound("requested sip dispatch rule does not exist");
        }
    }

    /// <summary>Exactly one rule kind; no other rule for the same trunks, caller numbers and PIN.</summary>
    private void Validate(SipDispatchRuleInfo rule)
    {
        var kinds = new object?[] { rule.Rule?.DispatchRuleDirect, rule.Rule?.DispatchRuleIndividual, rule.Rule?.DispatchRuleCallee }.Count(k => k is not null);
        if (kinds != 1)
        {
            throw LoopbackTwirpException.Invalid(kinds == 0 ? "missing rule" : "a dispatch rule must have exactly one rule type");
        }
        if (rule.Rule!.DispatchRuleDirect is { RoomName.Length: 0 })
        {
            throw LoopbackTwirpException.Invalid("missing room name for direct dispatch rule");
        }
        var pin = Pin(rule);
        foreach (var other in state.DispatchRules.Values.Where(r => r.SipDispatchRuleId != rule.SipDispatchRuleId))
        {
            if (LoopbackListMath.Collide(rule.TrunkIds, other.TrunkIds) &&
                LoopbackListMath.Collide(rule.InboundNumbers, other.InboundNumbers) &&
                LoopbackListMath.Collide(rule.Numbers, other.Numbers) &&
                Pin(other) == pin)
            {
                throw LoopbackTwirpException.Invalid(
                    $"Conflicting SIP Dispatch Rules: same Trunk+Number+PIN combination for \"{other.SipDispatchRuleId}\" and \"{rule.SipDispatchRuleId}\"");
            }
        }
    }

    private static string Pin(SipDispatchRuleInfo rule) =>
        rule.Rule?.DispatchRuleDirect?.Pin ?? rule.Rule?.DispatchRuleIndividual?.Pin ?? rule.Rule?.DispatchRuleCallee?.Pin ?? "";
}
