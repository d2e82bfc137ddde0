using System.Text;

namespace VoiceFunctions.Functions.Tests.Support;

/// <summary>Webhook bodies shaped like LiveKit's (camelCase, int64 as strings, defaults omitted).</summary>
public static class WebhookBodies
{
    public const string CallerIdentity = "sip_+79990001122";
    private static int _next;

    public static string NewEventId() => "EV_" + Interlocked.Increment(ref _next).ToString("D6") + Guid.NewGuid().ToString("N")[..8];

    public static byte[] RoomStarted(string room, string? id = null) =>
        Body($$$"""{"event":"room_started","room":{"sid":"RM_1","name":"{{{room}}}","creationTime":"1771351900"},"id":"{{{id ?? NewEventId()}}}","createdAt":"1771351900"}""");

    public static byte[] RoomFinished(string room, string? id = null) =>
        Body($$$"""{"event":"room_finished","room":{"sid":"RM_1","name":"{{{room}}}"},"id":"{{{id ?? NewEventId()}}}","createdAt":"1771352000"}""");

    public static byte[] CallerJoined(string room, string? id = null) =>
        Body($$$"""
        {"event":"participant_joined","room":{"sid":"RM_1","name":"{{{room}}}"},
         "participant":{"sid":"PA_caller","identity":"{{{CallerIdentity}}}","name":"Phone +79990001122","state":"ACTIVE","kind":"SIP",
           "attributes":{"sip.callID":"SCL_1","sip.phoneNumber":"+79990001122","sip.trunkPhoneNumber":"+74950000000","sip.trunkID":"ST_in","sip.callStatus":"ringing"}},
         "id":"{{{id ?? NewEventId()}}}","createdAt":"1771351901"}
        """);

    public static byte[] CallerLeft(string room, string? id = null) =>
        Body($$$"""{"event":"participant_left","room":{"sid":"RM_1","name":"{{{room}}}"},"participant":{"sid":"PA_caller","identity":"{{{CallerIdentity}}}","state":"DISCONNECTED","kind":"SIP","attributes":{"sip.callStatus":"hangup"}},"id":"{{{id ?? NewEventId()}}}","createdAt":"1771351990"}""");

    public static byte[] SipAgentJoined(string room, string callStatus, string? id = null) =>
        Body($$$"""{"event":"participant_joined","room":{"sid":"RM_1","name":"{{{room}}}"},"participant":{"sid":"PA_agent","identity":"agent-{{{room}}}-1","state":"ACTIVE","kind":"SIP","attributes":{"sip.callStatus":"{{{callStatus}}}"}},"id":"{{{id ?? NewEventId()}}}","createdAt":"1771351903"}""");

    /// <summary>
    /// An egress webhook as LiveKit sends it: no room object (the room is named in egressInfo), times in
    /// Unix nanoseconds, outputs in <c>fileResults</c>. <paramref name="updatedAtNs"/> orders reports of one egress.
    /// </summary>
    public static byte[] Egress(string eventName, string room, string egressId, string status, long updatedAtNs,
        string? fileLocation = null, string? error = null, string? id = null)
    {
        var files = fileLocation is null ? "" : $$$""","fileResults":[{"filename":"calls/{{{egressId}}}.ogg","location":"{{{fileLocation}}}","size":"48213","duration":"61000000000"}]""";
        var failure = error is null ? "" : $$$""","error":"{{{error}}}","errorCode":500""";
        return Body($$$"""
        {"event":"{{{eventName}}}","egressInfo":{"egressId":"{{{egressId}}}","roomId":"RM_1","roomName":"{{{room}}}","status":"{{{status}}}",
          "startedAt":"1771351905000000000","updatedAt":"{{{updatedAtNs}}}","roomComposite":{"roomName":"{{{room}}}","audioOnly":true}{{{files}}}{{{failure}}}},
         "id":"{{{id ?? NewEventId()}}}","createdAt":"1771351990"}
        """);
    }

    private static byte[] Body(string json) => Encoding.UTF8.GetBytes(json);
}
