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
        scenario = scenario.Insert(at, headerLines);
        return scenario.Replace(ScenarioCalled, CallTo, StringComparison.Ordinal).Replace(ScenarioCaller, FromNumber, StringComparison.Ordinal);
    }
}
