namespace VoiceFunctions.System.Tests;

/// <summary>
/// How LiveKit SIP would place the agent's leg for a CreateSIPParticipant: INVITE to sip:&lt;sipCallTo&gt;@&lt;trunk
/// address&gt;, From the trunk's number, with the request's <c>headers</c> on the INVITE. Rewrites the demo caller's
/// sipp scenario accordingly.
/// </summary>
internal sealed record BridgeLeg(string CallTo, string FromNumber, IReadOnlyDictionary<string, string> Headers)
{
    private const string ScenarioCalled = "+15550001111";
    private const string ScenarioCaller = "+15552223333";

    public string Apply(string scenario)
    {
        foreach (var (name, value) in Headers)
        {
            if (name.Any(c => c is '\r' or '\n' or ':') || value.Any(c => c is '\r' or '\n'))
            {
                throw new ArgumentException($"header {name} cannot go on a SIP INVITE");
            }
        }
        var headerLines = string.Concat(Headers.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"      {h.Key}: {h.Value}\n"));
        // Only the INVITE (the scenario's first Max-Forwards) carries the headers, as LiveKit SIP sends them.
        var at = scenario.IndexOf("      Max-Forwards: 70\n", StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException("the demo caller scenario has no Max-Forwards line to put the headers after");
        }
        scenario = AcceptTheAgentsHangUp(scenario.Insert(at, headerLines));
        return scenario.Replace(ScenarioCalled, CallTo, StringComparison.Ordinal).Replace(ScenarioCaller, FromNumber, StringComparison.Ordinal);
    }

    // A bridge leg ends either way: LiveKit SIP hangs it up (here: the leg's own BYE once its talk time is over), or the
    // agent hangs up first — the MediaHost does once the control plane answers a report of a call it has finished (the
    // room ended). The talk-time pause becomes a wait for the agent's BYE that falls through to the leg's own.
    private static string AcceptTheAgentsHangUp(string scenario)
    {
        const string pauseOpen = "<pause milliseconds=\"";
        const string legsByeAnswered = "<recv response=\"200\" crlf=\"true\"/>";
        var pause = scenario.IndexOf(pauseOpen, StringComparison.Ordinal);
        var answered = pause < 0 ? -1 : scenario.IndexOf(legsByeAnswered, pause, StringComparison.Ordinal);
        if (answered < 0)
        {
            return scenario;
        }
        var talkStart = pause + pauseOpen.Length;
        var talkMs = scenario[talkStart..scenario.IndexOf('"', talkStart)];
        var pauseEnd = scenario.IndexOf("/>", pause, StringComparison.Ordinal) + 2;
        var end = answered + legsByeAnswered.Length;
        return scenario[..pause]
            + $"<recv request=\"BYE\" timeout=\"{talkMs}\" ontimeout=\"90\"/>\n" + ByeAnswered.Replace("<send>", "<send next=\"91\">", StringComparison.Ordinal) + "  <label id=\"90\"/>\n  "
            + scenario[pauseEnd..end] + "\n  <label id=\"91\"/>" + scenario[end..];
    }

    /// <summary>The sipp steps that answer the agent's BYE with 200 OK (a leg the MediaHost hangs up).</summary>
    public const string ByeAnswered = """
          <send>
            <![CDATA[
              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:]
              [last_Call-ID:]
              [last_CSeq:]
              Content-Length: 0
            ]]>
          </send>

        """;
}
