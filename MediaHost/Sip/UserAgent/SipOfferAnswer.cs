using System.Text;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Rtp.Srtp;
using VoiceFunctions.MediaHost.Sip.Sdp;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// Our side of a call's SDP offer/answer (RFC 3264), the same on both call legs: our current session description,
/// its version (raised only when it changes, section 8), and the media last negotiated. Protocol state: used under
/// the endpoint's lock.
/// </summary>
internal sealed class SipOfferAnswer
{
    private readonly SipEndpoint _endpoint;
    private readonly long _sessionId;
    private readonly MediaEncryption _encryption;
    private readonly IReadOnlyList<SrtpSuite>? _suites;
    private long _version = 1;
    private SdesOffer? _localCrypto;

    /// <param name="encryption">This call's SDES-SRTP setting: the trunk's for calls we place, the host's for calls we receive.</param>
    /// <param name="suites">The SRTP suites our offers name, in preference order; null: all we support.</param>
    /// <param name="firstAnswer">The answer we already made to the offer in an INVITE we received, if it had one.</param>
    public SipOfferAnswer(SipEndpoint endpoint, IMediaSession media, long sessionId, MediaEncryption encryption, IReadOnlyList<SrtpSuite>? suites = null,
        SdpNegotiation? firstAnswer = null)
    {
        _endpoint = endpoint;
        Media = media;
        _sessionId = sessionId;
        _encryption = encryption;
        _suites = suites;
        LocalSdp = firstAnswer?.AnswerSdp;
        Negotiated = firstAnswer?.Media;
        _localCrypto = firstAnswer?.LocalCrypto;
    }

    public IMediaSession Media { get; }

    /// <summary>The SDP we last sent (offer or answer); null until we have made one.</summary>
    public string? LocalSdp { get; private set; }

    /// <summary>The media both sides agreed on last; null until an answer was taken.</summary>
    public NegotiatedMedia? Negotiated { get; private set; }

    /// <summary>
    /// Our offer from all our codecs (an INVITE we send, or the 200 to an INVITE without SDP), at the current version, with
    /// fresh SDES keys when this call's media encryption is allowed or required (<see cref="SdesOffer"/> says how).
    /// </summary>
    public string Offer()
    {
        _localCrypto = SdesOffer.Create(_encryption, _suites);
        return LocalSdp = SdpNegotiator.Offer(Media.Codecs, _endpoint.AdvertisedAddress(Media.LocalEndpoint.Address), Media.LocalEndpoint.Port, _sessionId, _version,
            srtp: _localCrypto);
    }

    /// <summary>
    /// Answers a new offer in a dialog (hold, unhold, codec change): on success the media follows it and our SDP gets
    /// the next version; a refused offer changes nothing (RFC 3264 section 8).
    /// </summary>
    public SdpNegotiation AnswerReOffer(ReadOnlySpan<byte> offer)
    {
        var negotiation = SdpNegotiator.Answer(Encoding.UTF8.GetString(offer), Media.Codecs,
            _endpoint.AdvertisedAddress(Media.LocalEndpoint.Address), Media.LocalEndpoint.Port, _sessionId, _version + 1, _encryption);
        if (negotiation.Succeeded)
        {
            _version++;
            LocalSdp = negotiation.AnswerSdp;
            _localCrypto = negotiation.LocalCrypto;
            Negotiated = negotiation.Media;
            Media.Update(negotiation.Media!);
        }
        return negotiation;
    }

    /// <summary>
    /// Takes the peer's answer to our offer (in a 200 or an ACK): the media starts (first answer of the call) or follows
    /// it. Its SRTP must fit the crypto lines of the SDP we last sent (our offer, or our last answer sent again after a
    /// re-INVITE without SDP). Returns why it is unusable, or null when taken.
    /// </summary>
    public string? TakeAnswer(ReadOnlySpan<byte> answer)
    {
        var read = SdpNegotiator.ReadAnswer(Encoding.UTF8.GetString(answer), Media.Codecs, _localCrypto);
        if (read.Media is null)
        {
            return read.FailureReason;
        }
        var first = Negotiated is null;
        Negotiated = read.Media;
        if (first)
        {
            Media.Start(read.Media);
        }
        else
        {
            Media.Update(read.Media);
        }
        return null;
    }
}
