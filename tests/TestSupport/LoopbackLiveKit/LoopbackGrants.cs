using VoiceFunctions.Shared.LiveKit.Auth;

namespace VoiceFunctions.TestSupport.LoopbackLiveKit;

/// <summary>
/// LiveKit's permission checks, as the server makes them before each method: a missing grant is
/// Twirp unauthenticated "permissions denied" (HTTP 401), and roomAdmin counts only for the room it names.
/// </summary>
internal static class LoopbackGrants
{
    public static void RoomCreate(ClaimGrants? claims) => Require(claims?.Video?.RoomCreate == true);

    public static void RoomList(ClaimGrants? claims) => Require(claims?.Video?.RoomList == true);

    public static void RoomRecord(ClaimGrants? claims) => Require(claims?.Video?.RoomRecord == true);

    public static void IngressAdmin(ClaimGrants? claims) => Require(claims?.Video?.IngressAdmin == true);

    public static void RoomAdmin(ClaimGrants? claims, string room) =>
        Require(claims?.Video is { RoomAdmin: true } video && string.Equals(video.Room ?? "", room, StringComparison.Ordinal));

    /// <summary>ForwardParticipant, MoveParticipant: roomAdmin of the room, and destinationRoom naming the target.</summary>
    public static void RoomAdminTo(ClaimGrants? claims, string room, string destination) =>
        Require(claims?.Video is { RoomAdmin: true } video && string.Equals(video.Room ?? "", room, StringComparison.Ordinal)
            && string.Equals(video.DestinationRoom ?? "", destination, StringComparison.Ordinal));

    public static void SipAdmin(ClaimGrants? claims) => Require(claims?.Sip?.Admin == true);

    public static void SipCall(ClaimGrants? claims) => Require(claims?.Sip?.Call == true);

    private static void Require(bool granted)
    {
        if (!granted)
        {
            throw LoopbackTwirpException.PermissionsDenied();
        }
    }
}
