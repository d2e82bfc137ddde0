namespace VoiceFunctions.Shared.LiveKit;

/// <summary>
/// LiveKit's ParticipantInfo.Kind. The numbers are the protobuf values (5 and 6 are unused);
/// webhooks and API responses carry the upper-case name, tokens the lower-case one.
/// </summary>
public enum ParticipantKind
{
    Standard = 0,
    Ingress = 1,
    Egress = 2,
    Sip = 3,
    Agent = 4,
    Connector = 7,
    Bridge = 8,
}
