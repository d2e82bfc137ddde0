using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Cli.Tokens;

/// <summary>
/// The --grant names of `voicectl token create`, as LiveKit spells them. When grants are listed, the token
/// has exactly those: canPublish and canSubscribe, which LiveKit assumes true when absent, are written false.
/// </summary>
public static class TokenGrants
{
    public static readonly IReadOnlyList<string> Names =
    [
        "roomJoin", "roomAdmin", "roomCreate", "roomList", "roomRecord", "canPublish", "canSubscribe", "canPublishData",
        "canUpdateOwnMetadata", "ingressAdmin", "hidden", "recorder", "agent", "sipAdmin", "sipCall",
    ];

    /// <summary>A participant's usual rights: join the room, publish and subscribe.</summary>
    public static readonly IReadOnlyList<string> Default = ["roomJoin", "canPublish", "canSubscribe", "canPublishData"];

    public static bool TryBuild(IReadOnlyList<string> grants, string? room, out VideoGrant video, out SipGrant? sip, out string? problem)
    {
        video = new VideoGrant { Room = room, CanPublish = false, CanSubscribe = false, CanPublishData = false };
        sip = null;
        foreach (var grant in grants)
        {
            var name = Names.FirstOrDefault(n => string.Equals(n, grant, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                var suggestion = EditDistance.ClosestMatch(grant, Names);
                problem = $"unknown grant '{grant}'" + (suggestion is null ? "" : $" (did you mean '{suggestion}'?)") + "; grants: " + string.Join(", ", Names);
                return false;
            }
            switch (name)
            {
                case "roomJoin": video.RoomJoin = true; break;
                case "roomAdmin": video.RoomAdmin = true; break;
                case "roomCreate": video.RoomCreate = true; break;
                case "roomList": video.RoomList = true; break;
                case "roomRecord": video.RoomRecord = true; break;
                case "canPublish": video.CanPublish = true; break;
                case "canSubscribe": video.CanSubscribe = true; break;
                case "canPublishData": video.CanPublishData = true; break;
                case "canUpdateOwnMetadata": video.CanUpdateOwnMetadata = true; break;
                case "ingressAdmin": video.IngressAdmin = true; break;
                case "hidden": video.Hidden = true; break;
                case "recorder": video.Recorder = true; break;
                case "agent": video.Agent = true; break;
                case "sipAdmin": (sip ??= new SipGrant()).Admin = true; break;
                case "sipCall": (sip ??= new SipGrant()).Call = true; break;
            }
        }
        if ((video.RoomJoin == true || video.RoomAdmin == true) && string.IsNullOrEmpty(room))
        {
            problem = "roomJoin and roomAdmin apply to one room: give --room";
            return false;
        }
        problem = null;
        return true;
    }
}
