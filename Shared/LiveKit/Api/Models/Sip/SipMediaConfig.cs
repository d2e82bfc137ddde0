using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Codecs, encryption and media timeout of a SIP call (livekit.SIPMediaConfig).</summary>
public sealed class SipMediaConfig
{
    public bool OnlyListedCodecs { get; set; }

    public List<SipCodec> Codecs { get; set; } = [];

    [ProtoOptional]
    public SipMediaEncryption? Encryption { get; set; }

    [ProtoOptional]
    public TimeSpan? MediaTimeout { get; set; }
}
