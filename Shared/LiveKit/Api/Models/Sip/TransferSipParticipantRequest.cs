namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>SIP.TransferSIPParticipant: a SIP REFER of the participant's call.</summary>
public sealed class TransferSipParticipantRequest
{
    public string ParticipantIdentity { get; set; } = "";

    public string RoomName { get; set; } = "";

    /// <summary>"sip:…", "sips:…" or "tel:…", optionally inside &lt;&gt;.</summary>
    public string TransferTo { get; set; } = "";

    public bool PlayDialtone { get; set; }

    public Dictionary<string, string> Headers { get; set; } = [];

    public TimeSpan? RingingTimeout { get; set; }
}
