using System.Text;

namespace VoiceFunctions.Benchmarks.ControlPlane;

/// <summary>The webhooks LiveKit sends for one phone call, in order, shaped like LiveKit's (camelCase, int64 strings).</summary>
internal static class CallWebhooks
{
    /// <summary>Ten deliveries for one call, including LiveKit's redeliveries and events we ignore.</summary>
    public static IReadOnlyList<byte[]> ForCall(string room)
    {
        string Id(string what) => $"EV_{room}_{what}";
        var caller = """{"sid":"PA_c","identity":"sip_+79990001122","kind":"SIP","attributes":{"sip.phoneNumber":"+79990001122","sip.trunkPhoneNumber":"+74950000000","sip.trunkID":"ST_in","sip.callStatus":"ringing"}}""";
        string Agent(string status) => $$$"""{"sid":"PA_a","identity":"agent-{{{room}}}-1","kind":"SIP","attributes":{"sip.callStatus":"{{{status}}}"}}""";
        string Event(string name, string id, string? participant = null, string? extra = null) =>
            $$"""{"event":"{{name}}","room":{"sid":"RM_{{room}}","name":"{{room}}"}{{(participant is null ? "" : ",\"participant\":" + participant)}}{{extra ?? ""}},"id":"{{id}}","createdAt":"1771351901"}""";
        return new[]
        {
            Event("room_started", Id("1")),
            Event("participant_joined", Id("2"), caller),
            Event("participant_joined", Id("2"), caller),                 // redelivery
            Event("participant_joined", Id("3"), Agent("dialing")),       // agent leg still dialing: not an answer
            Event("participant_joined", Id("4"), Agent("active")),        // answered
            Event("track_published", Id("5"), Agent("active"), ",\"track\":{\"sid\":\"TR_a\",\"source\":\"MICROPHONE\"}"),
            Event("participant_joined", Id("4"), Agent("active")),        // redelivery
            Event("participant_left", Id("6"), caller),                   // caller hangs up
            Event("room_finished", Id("7")),
            Event("room_finished", Id("7")),                              // redelivery
        }.Select(Encoding.UTF8.GetBytes).ToList();
    }
}
