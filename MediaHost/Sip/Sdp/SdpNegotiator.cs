using System.Globalization;
using System.Net;
using System.Text;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Rtp.Srtp;

namespace VoiceFunctions.MediaHost.Sip.Sdp;

/// <summary>
/// SDP offer/answer for one audio stream (RFC 3264): pick the first of OUR codecs (our configured priority) that the
/// offer contains, using the offerer's payload type; add telephone-event when both sides have it; mirror the direction
/// (their sendonly is our recvonly: hold); reject every other stream with port 0. Pure: no sockets, no clocks.
/// </summary>
public static class SdpNegotiator
{
    public const int DefaultPacketTimeMs = 20;

    /// <summary>Answers <paramref name="offerSdp"/> with our <paramref name="local"/> endpoint and codecs (priority order).</summary>
    /// <param name="advertisedAddress">The address written in c= and o= (the external address behind NAT).</param>
    /// <param name="sessionVersion">o= version: incremented by the caller for each new answer in a dialog.</param>
    /// <param name="encryption">Whether SDES-SRTP is off, allowed or required for this peer (RTP/SAVP with a=crypto).</param>
    public static SdpNegotiation Answer(string offerSdp, IReadOnlyList<MediaCodec> local, IPAddress advertisedAddress, int localPort, long sessionId, long sessionVersion,
        MediaEncryption encryption = MediaEncryption.Off)
    {
        if (!SdpParser.TryParse(offerSdp, out var offer, out var error))
        {
            return SdpNegotiation.Fail(400, error!);
        }
        var audioIndex = -1;
        MediaCodec? chosen = null;
        int? telephoneEvent = null;
        int? comfortNoise = null;
        string? rejection = "the offer has no audio stream";
        SdesCrypto? theirCrypto = null;
        for (var i = 0; i < offer.Media.Count && chosen is null; i++)
        {
            var media = offer.Media[i];
            if (media.MediaType != "audio")
            {
                continue;
            }
            if (media.Malformed is not null)
            {
                rejection = media.Malformed;
                continue;
            }
            theirCrypto = null;
            if (media.IsRtpSavp)
            {
                if (encryption == MediaEncryption.Off)
                {
                    rejection = $"secure RTP ({media.Protocol}) offered and media encryption is off";
                    continue;
                }
                theirCrypto = FirstUsableCrypto(media, out var cryptoProblem);
                if (theirCrypto is null)
                {
                    rejection = cryptoProblem;
                    continue;
                }
            }
            else if (!media.IsRtpAvp)
            {
                rejection = $"unsupported media transport {media.Protocol} (only RTP/AVP and RTP/SAVP)";
                continue;
            }
            else
            {
                // Best-effort SRTP: RTP/AVP carrying a=crypto (what our own Allowed offers send, see SdesOffer) is SRTP when we take a key.
                string? cryptoProblem = null;
                theirCrypto = encryption != MediaEncryption.Off && media.Crypto.Count > 0 ? FirstUsableCrypto(media, out cryptoProblem) : null;
                if (theirCrypto is null && encryption == MediaEncryption.Required)
                {
                    rejection = media.Crypto.Count > 0 ? $"media encryption is required and {cryptoProblem}" : "media encryption is required and the offer is plain RTP/AVP";
                    continue;
                }
            }
            if (media.Port == 0)
            {
                rejection = "the audio stream is disabled (port 0)";
                continue;
            }
            if (media.Connection is null)
            {
                rejection = "the audio stream has no connection address (c=)";
                continue;
            }
            chosen = Choose(media, local, out telephoneEvent, out comfortNoise);
            if (chosen is null)
            {
                rejection = "no common codec: offered " + string.Join(", ", media.RtpMaps.Values.Select(m => $"{m.Name}/{m.ClockRate}"))
                    + "; we support " + string.Join(", ", local.Where(c => !c.IsAuxiliary));
                continue;
            }
            audioIndex = i;
        }
        if (chosen is null)
        {
            return SdpNegotiation.Fail(488, rejection!);
        }

        var audio = offer.Media[audioIndex];
        var theirDirection = audio.Direction ?? MediaDirection.SendReceive;
        var ours = Mirror(theirDirection);
        // RFC 3264 section 8.4: the old hold form c=0.0.0.0 means "do not send to me".
        if (audio.Connection!.Equals(IPAddress.Any) && ours is MediaDirection.SendReceive)
        {
            ours = MediaDirection.ReceiveOnly;
        }
        else if (audio.Connection.Equals(IPAddress.Any) && ours is MediaDirection.SendOnly)
        {
            ours = MediaDirection.Inactive;
        }
        var ptime = audio.PacketTimeMs is { } p and >= 10 and <= 60 ? p : DefaultPacketTimeMs;
        // SDES: our own fresh key for what we send, with the suite and tag of the peer's crypto line we took.
        var ourCrypto = theirCrypto is null ? null : SdesCrypto.Generate(theirCrypto.Tag, theirCrypto.Suite);
        var keys = ourCrypto is null ? null
            : new MediaEncryptionKeys(ourCrypto.Suite.Name, ourCrypto.MasterKey, ourCrypto.MasterSalt, theirCrypto!.MasterKey, theirCrypto.MasterSalt);
        var negotiated = new NegotiatedMedia(
            new IPEndPoint(audio.Connection, audio.Port), chosen, chosen.PayloadType, telephoneEvent, ptime, ours, comfortNoise, keys);

        var sdp = SdpWriter.Begin(advertisedAddress, sessionId, sessionVersion);
        for (var i = 0; i < offer.Media.Count; i++)
        {
            var media = offer.Media[i];
            if (i == audioIndex)
            {
                var codecs = new List<MediaCodec> { chosen };
                if (telephoneEvent is { } te)
                {
                    codecs.Add(local.First(c => c.IsTelephoneEvent) with { PayloadType = te });
                }
                if (comfortNoise is { } cn)
                {
                    codecs.Add(local.First(c => c.IsComfortNoise) with { PayloadType = cn, ClockRate = chosen.ClockRate });
                }
                SdpWriter.AppendAudio(sdp, localPort, codecs, ptime, ours, audio.IsRtpSavp ? "RTP/SAVP" : "RTP/AVP",
                    ourCrypto is null ? [] : [ourCrypto.ToAttributeValue()]);
            }
            else
            {
                // Every offered stream gets an answer line; the ones we refuse carry port 0 (RFC 3264 section 6).
                sdp.Append("m=").Append(media.MediaType).Append(" 0 ").Append(media.Protocol).Append(' ')
                    .Append(media.Formats.Count > 0 ? media.Formats[0] : "0").Append("\r\n");
            }
        }
        var localCrypto = ourCrypto is null ? null : new SdesOffer(audio.IsRtpSavp, [ourCrypto]);
        return new SdpNegotiation(sdp.ToString(), negotiated, 0, null, localCrypto);
    }

    /// <summary>Our offer (outbound INVITE): every codec in priority order, sendrecv; with <paramref name="srtp"/>, its crypto lines (see <see cref="SdesOffer"/>).</summary>
    public static string Offer(IReadOnlyList<MediaCodec> local, IPAddress advertisedAddress, int localPort, long sessionId, long sessionVersion,
        MediaDirection direction = MediaDirection.SendReceive, SdesOffer? srtp = null)
    {
        var sdp = SdpWriter.Begin(advertisedAddress, sessionId, sessionVersion);
        SdpWriter.AppendAudio(sdp, localPort, local, DefaultPacketTimeMs, direction, srtp?.Protocol ?? "RTP/AVP",
            srtp is null ? [] : srtp.Crypto.Select(c => c.ToAttributeValue()));
        return sdp.ToString();
    }

    /// <summary>
    /// Reads the peer's answer to our offer: the first codec it kept, in its order (RFC 3264 section 7), and the SRTP keys
    /// it chose among <paramref name="srtp"/>'s (an answer that does not fit our crypto offer is refused with the reason).
    /// </summary>
    public static SdpNegotiation ReadAnswer(string answerSdp, IReadOnlyList<MediaCodec> offered, SdesOffer? srtp = null)
    {
        if (!SdpParser.TryParse(answerSdp, out var answer, out var error))
        {
            return SdpNegotiation.Fail(400, error!);
        }
        var audio = answer.Media.FirstOrDefault(m => m.MediaType == "audio" && m.Port != 0 && m.Connection is not null && m.Malformed is null);
        if (audio is null)
        {
            return SdpNegotiation.Fail(488, "the answer has no active audio stream");
        }
        foreach (var format in audio.Formats)
        {
            if (!int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out var pt) || !audio.RtpMaps.TryGetValue(pt, out var map))
            {
                continue;
            }
            var codec = offered.FirstOrDefault(c => !c.IsAuxiliary && c.SameEncoding(map.Name, map.ClockRate, map.Channels));
            if (codec is null)
            {
                continue;
            }
            if (!SdesAnswerReader.TryRead(audio, srtp, out var keys, out var cryptoProblem))
            {
                return SdpNegotiation.Fail(488, cryptoProblem!);
            }
            var te = audio.RtpMaps.Values.FirstOrDefault(m => m.Name.Equals("telephone-event", StringComparison.OrdinalIgnoreCase));
            var cn = offered.Any(c => c.IsComfortNoise) ? ComfortNoiseOf(audio, map.ClockRate) : null;
            var media = new NegotiatedMedia(new IPEndPoint(audio.Connection!, audio.Port), codec with { PayloadType = pt }, pt,
                te?.PayloadType, audio.PacketTimeMs ?? DefaultPacketTimeMs, Mirror(audio.Direction ?? MediaDirection.SendReceive), cn, keys);
            return new SdpNegotiation(null, media, 0, null);
        }
        return SdpNegotiation.Fail(488, "the answer kept none of the codecs we offered");
    }

    /// <summary>The first crypto line of the stream whose suite and key we can use (RFC 4568 section 7.1.1), or null and why.</summary>
    private static SdesCrypto? FirstUsableCrypto(SdpMedia media, out string problem)
    {
        problem = "secure RTP offered without a crypto attribute";
        foreach (var value in media.Crypto)
        {
            if (SdesCrypto.TryParse(value, out var crypto, out var error))
            {
                return crypto;
            }
            problem = "no usable crypto attribute: " + error;
        }
        return null;
    }

    // RFC 3389: comfort noise runs at the audio codec's RTP clock rate; CN at another rate is not for this codec.
    private static int? ComfortNoiseOf(SdpMedia media, int clockRate) =>
        media.Formats.Select(f => int.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out var pt) && media.RtpMaps.TryGetValue(pt, out var map)
                && map.Name.Equals("CN", StringComparison.OrdinalIgnoreCase) && map.ClockRate == clockRate ? pt : (int?)null)
            .FirstOrDefault(pt => pt is not null);

    private static MediaCodec? Choose(SdpMedia media, IReadOnlyList<MediaCodec> local, out int? telephoneEvent, out int? comfortNoise)
    {
        telephoneEvent = null;
        comfortNoise = null;
        var offered = new List<SdpRtpMap>();
        foreach (var format in media.Formats)
        {
            if (int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out var pt) && media.RtpMaps.TryGetValue(pt, out var map))
            {
                offered.Add(map);
            }
        }
        foreach (var codec in local)
        {
            if (codec.IsAuxiliary)
            {
                continue;
            }
            var match = offered.FirstOrDefault(m => codec.SameEncoding(m.Name, m.ClockRate, m.Channels));
            if (match is null)
            {
                continue;
            }
            if (local.Any(c => c.IsTelephoneEvent))
            {
                // DTMF events at the audio clock rate when offered, else the usual 8000 Hz ones.
                var events = offered.Where(m => m.Name.Equals("telephone-event", StringComparison.OrdinalIgnoreCase)).ToList();
                telephoneEvent = (events.FirstOrDefault(m => m.ClockRate == match.ClockRate) ?? events.FirstOrDefault(m => m.ClockRate == 8000))?.PayloadType;
            }
            if (local.Any(c => c.IsComfortNoise))
            {
                comfortNoise = ComfortNoiseOf(media, match.ClockRate);
            }
            return codec with { PayloadType = match.PayloadType };
        }
        return null;
    }

    private static MediaDirection Mirror(MediaDirection theirs) => theirs switch
    {
        MediaDirection.SendOnly => MediaDirection.ReceiveOnly,
        MediaDirection.ReceiveOnly => MediaDirection.SendOnly,
        MediaDirection.Inactive => MediaDirection.Inactive,
        _ => MediaDirection.SendReceive,
    };

    internal static string DirectionAttribute(MediaDirection direction) => direction switch
    {
        MediaDirection.SendOnly => "sendonly",
        MediaDirection.ReceiveOnly => "recvonly",
        MediaDirection.Inactive => "inactive",
        _ => "sendrecv",
    };
}
