using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.ControlPlane;
using VoiceFunctions.MediaHost.Outbound;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.MediaHost.Agent.Profiles;

/// <summary>
/// Chooses a call's agent from the profiles in use: by the called number on an inbound call (the called-number header
/// when the control plane signed it, else To/Request-URI), by the caller ID on a call we placed. A number without a
/// profile gets the default agent. A call's agent is chosen once and carried with the call: the recording decision
/// and the agent itself ask for it, and both get the same profile, even when the profiles are reloaded in between.
/// </summary>
/// <param name="keys">The AgentEvents key shared with the control plane, which signs the called-number header (null: the header is never honoured).</param>
public sealed class AgentProfileSelector(AgentProfileStore store, IOptions<AgentProfilesOptions> options, ControlPlaneOptions? keys = null, TimeProvider? time = null)
{
    // Attached to the call's description, which every wrapper of the call passes through; it goes with the call.
    private readonly ConditionalWeakTable<InboundCall, CallAgentProfile> _chosen = [];

    /// <summary>The call's agent: chosen at the first ask, the same profile at every later one.</summary>
    public CallAgentProfile Choose(InboundCall call) => _chosen.GetValue(call, Select);

    private CallAgentProfile Select(InboundCall call)
    {
        var headers = call.SipHeaders;
        // Direct mode: a call this host placed (the headers are its own). LiveKit mode: the agent's leg of a call we
        // placed, as the control plane signed it (the leg itself looks inbound).
        var placedHere = headers.TryGetValue(OutboundCallHeaders.Direction, out var direction) && direction == "outbound";
        var placed = placedHere ? null : SignedOutboundContext.Read(headers, keys, (time ?? TimeProvider.System).GetUtcNow());
        var outbound = placedHere || placed is not null;
        var number = placedHere ? call.Caller
            : SignedCalledNumber(headers) ?? call.Called;
        var settings = store.Current.For(number);

        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["caller"] = placedHere ? call.Called : placed?.To ?? call.Caller,
            ["called"] = number,
            ["call_id"] = headers.TryGetValue(AgentCallHeaders.CallId, out var callId) ? callId : call.CallId,
            ["direction"] = outbound ? "outbound" : "inbound",
        };
        // Only a call we placed carries variables: on an inbound call these headers would be the caller's to write.
        foreach (var (name, value) in placedHere ? headers : new Dictionary<string, string>())
        {
            if (name.StartsWith(OutboundCallHeaders.VariablePrefix, StringComparison.OrdinalIgnoreCase))
            {
                variables[name[OutboundCallHeaders.VariablePrefix.Length..]] = value;
            }
        }
        foreach (var (name, value) in placed?.Variables ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }
        return new CallAgentProfile(settings, number, outbound, variables);
    }

    /// <summary>
    /// The called-number header when the control plane signed it for this call (<see cref="CalledNumberHeader"/>); null
    /// otherwise: a header a caller put on its own INVITE would choose the agent it wants.
    /// </summary>
    private string? SignedCalledNumber(IReadOnlyDictionary<string, string> headers) =>
        SignedCallHeader.Read(headers, options.Value.CalledNumberHeader, CalledNumberHeader.SignatureName, CalledNumberHeader.SignedBytes, keys,
            (time ?? TimeProvider.System).GetUtcNow());
}
