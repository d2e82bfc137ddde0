using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Field-wise changes to an outbound trunk; unset fields stay as they are.</summary>
public sealed class SipOutboundTrunkUpdate
{
    [ProtoOptional]
    public string? Address { get; set; }

    public SipTransport? Transport { get; set; }

    [ProtoOptional]
    public string? DestinationCountry { get; set; }

    public ListUpdate? Numbers { get; set; }

    [ProtoOptional]
    public string? AuthUsername { get; set; }

    [ProtoOptional]
    public string? AuthPassword { get; set; }

    [ProtoOptional]
    public string? Name { get; set; }

    [ProtoOptional]
    public string? Metadata { get; set; }

    [ProtoOptional]
    public string? FromHost { get; set; }

    [ProtoOptional]
    public SipMediaEncryption? MediaEncryption { get; set; }

    public SipMediaConfig? Media { get; set; }
}
