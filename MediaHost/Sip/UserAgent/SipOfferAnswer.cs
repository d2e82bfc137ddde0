using System.Text;
using VoiceFunctions.MediaHost.MediaModel;
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
    private long _version = 1;

    /// <param name="firstAnswer">The answer we already made to the offer in an INVITE we received, if it had one.</param>
    public SipOfferAnswer(SipEndpoint endpoint, IMediaSession media, long sessionId, SdpNegotiation? firstAnswer = null)
    {
        _endpoint = endpoint;
        Media = media;
        _sessionId = sessionId;
        LocalSdp = firstAnswer?.AnswerSdp;
        Negotiated = firstAnswer?.Media;
    }

    public IMediaSession Media { get; }

    /// <summary>The SDP we last sent (offer or answer); null until we have made one.</summary>
    public string? LocalSdp { get; private set; }

    /// <summary>The media both sides agreed on last; null until an answer was taken.</summary>
    public NegotiatedMedia? Negotiated { get; private set; }

    /// <summary>Our offer from all our codecs (an INVITE we send, or the 200 to an INVITE without SDP), at the current version.</summary>
    public string Offer() =>
        LocalSdp = SdpNegotiator.Offer(Media.Codecs, _endpoint.AdvertisedAddress(Media.LocalEndpoint.Address), Media.LocalEndpoint.Port, _sessionId, _version);

    /// <summary>
    /// Answers a new offer in a dialog (hold, unhold, codec change): on success the media follows it and our SDP gets
    /// the next version; a refused offer changes nothing (RFC 3264 section 8).
    /// </summary>
    public SdpNegotiation AnswerReOffer(ReadOnlySpan<byte> offer)
    {
        var negotiation = SdpNegotiator.Answer(Encoding.UTF8.GetString(offer), Media.Codecs,
            _endpoint.AdvertisedAddress(Media.LocalEndpoint.Address), Media.LocalEndpoint.Port, _sessionId, _version + 1, _endpoint.Options.MediaEncryption);
        if (negotiation.Succeeded)
        {
            _version++;
            LocalSdp = negotiation.AnswerSdp;
            Negotiated = negotiation.Media;
            Media.Update(negotiation.Media!);
        }
        return negotiation;
    }

    /// <summary>
    /// Takes the peer's answer to our offer (in a 200 or an ACK): the media starts (first answer of the call) or follows
    /// it. Returns why it is unusable, or null when taken.
    /// </summary>
    public string? TakeAnswer(ReadOnlySpan<byte> answer)
    {
        var read = SdpNegotiator.ReadAnswer(Encoding.UTF8.GetString(answer), Media.Codecs);
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
