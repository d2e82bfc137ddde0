using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Outbound;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Agent.Profiles;

/// <summary>
/// Chooses a call's agent from the profiles in use: by the called number on an inbound call (the called-number header
/// when the INVITE carries one, else To/Request-URI), by the caller ID on a call we placed. A number without a
/// profile gets the default agent. A call's agent is chosen once and carried with the call: the recording decision
/// and the agent itself ask for it, and both get the same profile, even when the profiles are reloaded in between.
/// </summary>
public sealed class AgentProfileSelector(AgentProfileStore store, IOptions<AgentProfilesOptions> options)
{
    // Attached to the call's description, which every wrapper of the call passes through; it goes with the call.
    private readonly ConditionalWeakTable<InboundCall, CallAgentProfile> _chosen = [];

    /// <summary>The call's agent: chosen at the first ask, the same profile at every later one.</summary>
    public CallAgentProfile Choose(InboundCall call) => _chosen.GetValue(call, Select);

    private CallAgentProfile Select(InboundCall call)
    {
        var headers = call.SipHeaders;
        var outbound = headers.TryGetValue(OutboundCallHeaders.Direction, out var direction) && direction == "outbound";
        var number = outbound ? call.Caller
            : headers.TryGetValue(options.Value.CalledNumberHeader, out var called) && called.Length > 0 ? called
            : call.Called;
        var settings = store.Current.For(number);

        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["caller"] = outbound ? call.Called : call.Caller,
            ["called"] = number,
            ["call_id"] = headers.TryGetValue(AgentCallHeaders.CallId, out var callId) ? callId : call.CallId,
            ["direction"] = outbound ? "outbound" : "inbound",
        };
        // Only a call we placed carries variables: on an inbound call these headers would be the caller's to write.
        foreach (var (name, value) in outbound ? headers : new Dictionary<string, string>())
        {
            if (name.StartsWith(OutboundCallHeaders.VariablePrefix, StringComparison.OrdinalIgnoreCase))
            {
                variables[name[OutboundCallHeaders.VariablePrefix.Length..]] = value;
            }
        }
        return new CallAgentProfile(settings, number, outbound, variables);
    }
}
