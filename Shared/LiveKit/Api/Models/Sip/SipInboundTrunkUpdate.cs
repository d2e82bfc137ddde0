using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Field-wise changes to an inbound trunk; unset fields stay as they are.</summary>
public sealed class SipInboundTrunkUpdate
{
    public ListUpdate? Numbers { get; set; }

    public ListUpdate? AllowedAddresses { get; set; }

    public ListUpdate? AllowedNumbers { get; set; }

    [ProtoOptional]
    public string? AuthUsername { get; set; }

    [ProtoOptional]
    public string? AuthPassword { get; set; }

    [ProtoOptional]
    public string? AuthRealm { get; set; }

    [ProtoOptional]
    public string? Name { get; set; }

    [ProtoOptional]
    public string? Metadata { get; set; }

    [ProtoOptional]
    public SipMediaEncryption? MediaEncryption { get; set; }

    public SipMediaConfig? Media { get; set; }
}
