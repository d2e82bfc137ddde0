using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Outbound;

/// <summary>
/// LiveKit mode: what a call we placed carries on its callee's participant (CreateSIPParticipant's
/// participantAttributes), so it lives in the room as LiveKit keeps it: our call id, the direction, the
/// answering-machine detection asked for and each per-call variable ("voicefunctions.var.&lt;name&gt;"). The agent's
/// dispatch reads it back from the room and hands it to the MediaHost as a signed <see cref="OutboundCallContext"/>.
/// </summary>
public static class CalleeAttributes
{
    public const string CallId = "voicefunctions.callId";
    public const string Direction = "voicefunctions.direction";
    public const string Amd = "voicefunctions.amd";
    public const string VariablePrefix = "voicefunctions.var.";

    /// <summary>The callee's participant identity in the call's room.</summary>
    public static string IdentityFor(string callId) => "callee-" + callId;

    public static Dictionary<string, string> For(OutboundCallStart call, OutboundAmdAction amd)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CallId] = call.CallId,
            [Direction] = "outbound",
            [Amd] = amd.ToString(),
        };
        foreach (var (name, value) in call.Variables)
        {
            attributes[VariablePrefix + name] = value;
        }
        return attributes;
    }

    /// <summary>The context for the agent's leg, from the callee participant's attributes (our number's callee is <paramref name="to"/>).</summary>
    public static OutboundCallContext ContextOf(IReadOnlyDictionary<string, string> attributes, string to)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in attributes)
        {
            if (name.StartsWith(VariablePrefix, StringComparison.Ordinal))
            {
                variables[name[VariablePrefix.Length..]] = value;
            }
        }
        var amd = attributes.TryGetValue(Amd, out var asked) && Enum.TryParse<OutboundAmdAction>(asked, out var action) ? action : OutboundAmdAction.Off;
        return new OutboundCallContext(to, amd.ToString(), variables);
    }
}
