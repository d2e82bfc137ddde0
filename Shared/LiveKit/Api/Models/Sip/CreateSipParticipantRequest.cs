using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>SIP.CreateSIPParticipant: dial out through an outbound trunk and put the callee in a room.</summary>
public sealed class CreateSipParticipantRequest
{
    public string SipTrunkId { get; set; } = "";

    /// <summary>A number or SIP user, never a URI ("@" is rejected).</summary>
    public string SipCallTo { get; set; } = "";

    /// <summary>The From number; empty = one of the trunk's numbers.</summary>
    public string SipNumber { get; set; } = "";

    public string RoomName { get; set; } = "";

    public string ParticipantIdentity { get; set; } = "";

    public string ParticipantName { get; set; } = "";

    public string ParticipantMetadata { get; set; } = "";

    public Dictionary<string, string> ParticipantAttributes { get; set; } = [];

    /// <summary>Digits sent after answer; "w" = 0.5 s pause.</summary>
    public string Dtmf { get; set; } = "";

    public bool PlayDialtone { get; set; }

    public bool HidePhoneNumber { get; set; }

    public Dictionary<string, string> Headers { get; set; } = [];

    public SipHeaderOptions IncludeHeaders { get; set; }

    public TimeSpan? RingingTimeout { get; set; }

    public TimeSpan? MaxCallDuration { get; set; }

    public bool KrispEnabled { get; set; }

    /// <summary>Return only after the callee answered; a failure then carries the SIP status.</summary>
    public bool WaitUntilAnswered { get; set; }

    /// <summary>Unset = the number; "" = no display name.</summary>
    [ProtoOptional]
    public string? DisplayName { get; set; }

    /// <summary>An inline outbound trunk, instead of SipTrunkId.</summary>
    public SipOutboundConfig? Trunk { get; set; }

    /// <summary>Overrides the INVITE's Request-URI.</summary>
    public SipRequestDest? SipRequestUri { get; set; }

    /// <summary>Overrides the To header.</summary>
    public SipNamedDest? SipToHeader { get; set; }

    /// <summary>Overrides the From header.</summary>
    public SipNamedDest? SipFromHeader { get; set; }

    /// <summary>Overrides the user part of the To/Request-URI.</summary>
    public string ToUserOverride { get; set; } = "";

    /// <summary>Plays a ringtone to the room while dialling (deprecated by LiveKit in favour of PlayDialtone, still honoured).</summary>
    public bool PlayRingtone { get; set; }

    public SipMediaEncryption MediaEncryption { get; set; }

    public SipMediaConfig? Media { get; set; }

    [ProtoOptional]
    public Destination? Destination { get; set; }
}
