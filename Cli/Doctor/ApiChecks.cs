using System.Security.Cryptography;
using VoiceFunctions.Cli.LiveKit;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.Shared.Telephony.Deployment.Sync;

namespace VoiceFunctions.Cli.Doctor;

/// <summary>Checks 3 to 5: real authenticated calls: list rooms, a room's create → list → delete, the SIP API.</summary>
public static class ApiChecks
{
    public const string CredentialsName = "api key and secret";
    public const string RoomName = "room round trip";
    public const string SipName = "sip api";

    public static async Task<DoctorCheck> CredentialsAsync(LiveKitConnection connection, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            var rooms = await connection.Rooms.ListRoomsAsync(cancellationToken: cancellationToken);
            return DoctorCheck.Pass(CredentialsName, $"ListRooms accepted key {connection.Target.ApiKey}: {rooms.Count} rooms open");
        }
        catch (LiveKitException e)
        {
            return LiveKitErrorExplainer.Explain(CredentialsName, connection.Target.Url, e, timeout);
        }
    }

    public static async Task<DoctorCheck> RoomRoundTripAsync(LiveKitConnection connection, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var name = "voicectl-doctor-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var step = "CreateRoom";
        try
        {
            await connection.Rooms.CreateRoomAsync(new CreateRoomRequest { Name = name, EmptyTimeout = 30 }, cancellationToken);
            step = "ListRooms";
            var listed = await connection.Rooms.ListRoomsAsync([name], cancellationToken);
            if (!listed.Any(r => r.Name == name))
            {
                await connection.Rooms.DeleteRoomAsync(name, cancellationToken);
                return DoctorCheck.Fail(RoomName, $"created room {name} but ListRooms did not return it",
                    "The server answering is not the one storing rooms (several nodes without a shared Redis?).",
                    "Give every livekit-server node the same Redis.");
            }
            step = "DeleteRoom";
            await connection.Rooms.DeleteRoomAsync(name, cancellationToken);
            return DoctorCheck.Pass(RoomName, $"created, listed and deleted room {name}");
        }
        catch (LiveKitException e)
        {
            var check = LiveKitErrorExplainer.Explain(RoomName, connection.Target.Url, e, timeout);
            return check with { Evidence = $"{step} failed: {check.Evidence}" };
        }
    }

    public static async Task<(DoctorCheck Check, SipState? Remote)> SipAsync(LiveKitConnection connection, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            var remote = await SipStateReader.ReadAsync(connection.Sip, cancellationToken);
            return (DoctorCheck.Pass(SipName,
                $"inbound trunks: {remote.InboundTrunks.Count}, outbound trunks: {remote.OutboundTrunks.Count}, dispatch rules: {remote.DispatchRules.Count}"), remote);
        }
        catch (LiveKitException e)
        {
            return (LiveKitErrorExplainer.Explain(SipName, connection.Target.Url, e, timeout), null);
        }
    }
}
