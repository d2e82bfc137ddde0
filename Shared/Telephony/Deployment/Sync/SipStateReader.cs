using VoiceFunctions.Shared.LiveKit.Api.Clients;

namespace VoiceFunctions.Shared.Telephony.Deployment.Sync;

/// <summary>Reads every trunk and dispatch rule from LiveKit.</summary>
public static class SipStateReader
{
    public static async Task<SipState> ReadAsync(SipServiceClient sip, CancellationToken cancellationToken)
    {
        var inbound = await sip.ListInboundTrunksAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var outbound = await sip.ListOutboundTrunksAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var rules = await sip.ListDispatchRulesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return new SipState
        {
            InboundTrunks = inbound.OrderBy(t => t.Name, StringComparer.Ordinal).ToList(),
            OutboundTrunks = outbound.OrderBy(t => t.Name, StringComparer.Ordinal).ToList(),
            DispatchRules = rules.OrderBy(r => r.Name, StringComparer.Ordinal).ToList(),
        };
    }
}
