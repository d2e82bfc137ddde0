using VoiceFunctions.MediaHost.Rtp.Srtp;

namespace VoiceFunctions.MediaHost.Sip.Sdp;

/// <summary>
/// The SDES crypto lines of the SDP we last sent (RFC 4568), kept secret until the peer's answer picks one by its tag.
/// <para>
/// How we offer each trunk setting (RFC 4568 has no "either" profile on one m= line; RFC 5939 capability negotiation
/// would, but carriers and LiveKit do not speak it): <see cref="MediaEncryption.Required"/> offers RTP/SAVP with a=crypto,
/// and a plain answer ends the call. <see cref="MediaEncryption.Allowed"/> offers "best-effort SRTP": RTP/AVP carrying
/// a=crypto, as Asterisk, FreeSWITCH and baresip's mediaenc=srtp do. An answerer that knows SDES answers with one crypto
/// line and the call is SRTP; one that does not ignores the unknown attribute (RFC 4566 section 5.13) and answers plain
/// RTP/AVP, which Allowed accepts. <see cref="MediaEncryption.Off"/> offers plain RTP/AVP without crypto.
/// </para>
/// </summary>
/// <param name="SecureProfile">True when the m= line says RTP/SAVP: an answer without crypto is refused.</param>
/// <param name="Crypto">Our crypto lines, one per suite, tags 1, 2… in our preference order (an answer names one tag).</param>
public sealed record SdesOffer(bool SecureProfile, IReadOnlyList<SdesCrypto> Crypto)
{
    /// <summary>Fresh keys for an offer under <paramref name="encryption"/> (RFC 4568 section 6.1), or null for plain RTP.</summary>
    /// <param name="suites">The suites to offer in preference order; null or empty: <see cref="SrtpSuite.All"/>.</param>
    public static SdesOffer? Create(MediaEncryption encryption, IReadOnlyList<SrtpSuite>? suites = null)
    {
        if (encryption == MediaEncryption.Off)
        {
            return null;
        }
        var offered = suites is { Count: > 0 } ? suites : SrtpSuite.All;
        return new SdesOffer(encryption == MediaEncryption.Required, [.. offered.Select((suite, i) => SdesCrypto.Generate(i + 1, suite))]);
    }

    /// <summary>The m= line's transport: RTP/SAVP when encryption is required, else RTP/AVP (best effort).</summary>
    public string Protocol => SecureProfile ? "RTP/SAVP" : "RTP/AVP";

    /// <summary>The tag and suites only: the keys never reach a log.</summary>
    public override string ToString() => $"{Protocol} with {string.Join(", ", Crypto)}";
}
