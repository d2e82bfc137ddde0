namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>SIP.CreateSIPParticipant response.</summary>
public sealed class SipParticipantInfo
{
    public string ParticipantId { get; set; } = "";

    public string ParticipantIdentity { get; set; } = "";

    public string RoomName { get; set; } = "";

    /// <summary>LiveKit's call id "SCL_…" (not the SIP Call-ID header).</summary>
    public string SipCallId { get; set; } = "";
}
