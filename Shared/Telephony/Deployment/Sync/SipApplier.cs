using VoiceFunctions.Shared.LiveKit.Api.Clients;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.Shared.Telephony.Deployment.Sync;

/// <summary>
/// Carries out a plan against LiveKit in the plan's order and stops at the first failure, so the report
/// says exactly what was applied and what was not. Updates replace the whole object (idempotent, safe to
/// retry); rules get their trunks' ids, including those of trunks created moments before.
/// </summary>
public sealed class SipApplier(SipServiceClient sip)
{
    public async Task<ApplyReport> ApplyAsync(SipPlan plan, SipState remote, Action<ApplyStep>? progress, CancellationToken cancellationToken)
    {
        var trunkIds = remote.InboundTrunks.Select(t => (t.Name, t.SipTrunkId))
            .Concat(remote.OutboundTrunks.Select(t => (t.Name, t.SipTrunkId)))
            .GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First().SipTrunkId, StringComparer.Ordinal);

        var steps = new List<ApplyStep>();
        var failed = false;
        foreach (var change in plan.Changes)
        {
            if (failed)
            {
                steps.Add(new ApplyStep(change, ApplyStepOutcome.NotAttempted));
                continue;
            }
            ApplyStep step;
            try
            {
                var id = await ApplyOneAsync(change, trunkIds, cancellationToken).ConfigureAwait(false);
                if (change.Kind != SipObjectKind.DispatchRule && change.Action != SipChangeAction.Delete)
                {
                    trunkIds[change.Name] = id;
                }
                step = new ApplyStep(change, ApplyStepOutcome.Applied, id);
            }
            catch (LiveKitException e)
            {
                failed = true;
                step = new ApplyStep(change, ApplyStepOutcome.Failed, change.RemoteId, e.Message);
            }
            steps.Add(step);
            progress?.Invoke(step);
        }
        return new ApplyReport(steps);
    }

    private async Task<string> ApplyOneAsync(SipChange change, Dictionary<string, string> trunkIds, CancellationToken cancellationToken)
    {
        switch (change.Kind, change.Action)
        {
            case (SipObjectKind.InboundTrunk, SipChangeAction.Create):
                return (await sip.CreateInboundTrunkAsync(WithId(change.InboundTrunk!, ""), cancellationToken).ConfigureAwait(false)).SipTrunkId;
            case (SipObjectKind.InboundTrunk, SipChangeAction.Update):
                return (await sip.UpdateInboundTrunkAsync(new UpdateSipInboundTrunkRequest
                {
                    SipTrunkId = change.RemoteId!,
                    Replace = WithId(change.InboundTrunk!, change.RemoteId!),
                }, cancellationToken).ConfigureAwait(false)).SipTrunkId;
            case (SipObjectKind.OutboundTrunk, SipChangeAction.Create):
                return (await sip.CreateOutboundTrunkAsync(WithId(change.OutboundTrunk!, ""), cancellationToken).ConfigureAwait(false)).SipTrunkId;
            case (SipObjectKind.OutboundTrunk, SipChangeAction.Update):
                return (await sip.UpdateOutboundTrunkAsync(new UpdateSipOutboundTrunkRequest
                {
                    SipTrunkId = change.RemoteId!,
                    Replace = WithId(change.OutboundTrunk!, change.RemoteId!),
                }, cancellationToken).ConfigureAwait(false)).SipTrunkId;
            case (SipObjectKind.DispatchRule, SipChangeAction.Create):
                return (await sip.CreateDispatchRuleAsync(WithTrunkIds(change.DispatchRule!, trunkIds, ""), cancellationToken).ConfigureAwait(false)).SipDispatchRuleId;
            case (SipObjectKind.DispatchRule, SipChangeAction.Update):
                return (await sip.UpdateDispatchRuleAsync(new UpdateSipDispatchRuleRequest
                {
                    SipDispatchRuleId = change.RemoteId!,
                    Replace = WithTrunkIds(change.DispatchRule!, trunkIds, change.RemoteId!),
                }, cancellationToken).ConfigureAwait(false)).SipDispatchRuleId;
            case (SipObjectKind.DispatchRule, SipChangeAction.Delete):
                await sip.DeleteDispatchRuleAsync(change.RemoteId!, cancellationToken).ConfigureAwait(false);
                return change.RemoteId!;
            default:
                await sip.DeleteTrunkAsync(change.RemoteId!, cancellationToken).ConfigureAwait(false);
                return change.RemoteId!;
        }
    }

    private static SipDispatchRuleInfo WithTrunkIds(SipDispatchRuleInfo rule, Dictionary<string, string> trunkIds, string id)
    {
        var copy = SipState.CopyWithTrunks(rule, rule.TrunkIds.Select(name => trunkIds.GetValueOrDefault(name, name)).ToList());
        copy.SipDispatchRuleId = id;
        return copy;
    }

    private static SipInboundTrunkInfo WithId(SipInboundTrunkInfo trunk, string id)
    {
        var copy = SipStateJson.Clone(trunk);
        copy.SipTrunkId = id;
        return copy;
    }

    private static SipOutboundTrunkInfo WithId(SipOutboundTrunkInfo trunk, string id)
    {
        var copy = SipStateJson.Clone(trunk);
        copy.SipTrunkId = id;
        return copy;
    }
}
