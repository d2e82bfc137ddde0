using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Rtp.Srtp;

namespace VoiceFunctions.MediaHost.Sip.Sdp;

/// <summary>
/// Reads the SRTP part of the peer's answer to our offer (RFC 4568 section 7.1.2): one crypto line whose tag is one we
/// offered, with that tag's suite and a well-formed key. Our key for that tag is what we send with; the peer's is what
/// we receive with. Pure: no I/O; the reasons never contain a key.
/// </summary>
public static class SdesAnswerReader
{
    /// <summary>
    /// The keys the answer settles on (null: plain RTP, when our offer accepted that), or false and why the answer
    /// cannot be used: plain under RTP/SAVP, a tag or suite we did not offer, a bad key, or SRTP we never offered.
    /// </summary>
    public static bool TryRead(SdpMedia answer, SdesOffer? offer, out MediaEncryptionKeys? keys, out string? problem)
    {
        keys = null;
        problem = null;
        if (offer is null)
        {
            if (answer.IsRtpSavp)
            {
                problem = $"the answer is secure RTP ({answer.Protocol}) and we offered plain RTP/AVP";
                return false;
            }
            return true; // a crypto line in a plain answer to a plain offer means nothing (RFC 4568 section 5.1.1)
        }
        if (answer.Crypto.Count == 0)
        {
            if (offer.SecureProfile || answer.IsRtpSavp)
            {
                problem = offer.SecureProfile
                    ? $"media encryption is required and the answer is {answer.Protocol} without a crypto attribute"
                    : $"the answer is {answer.Protocol} without a crypto attribute";
                return false;
            }
            return true; // best effort: the answerer does not speak SDES, plain RTP it is
        }
        if (offer.SecureProfile && !answer.IsRtpSavp)
        {
            problem = $"media encryption is required and the answer is {answer.Protocol}";
            return false;
        }
        if (answer.Crypto.Count > 1)
        {
            problem = $"the answer has {answer.Crypto.Count} crypto attributes; RFC 4568 allows exactly one";
            return false;
        }
        if (!SdesCrypto.TryParse(answer.Crypto[0], out var theirs, out var error))
        {
            problem = "the answer's crypto attribute is unusable: " + error;
            return false;
        }
        var ours = offer.Crypto.FirstOrDefault(c => c.Tag == theirs.Tag);
        if (ours is null)
        {
            problem = $"the answer's crypto tag {theirs.Tag} is not one we offered";
            return false;
        }
        if (ours.Suite != theirs.Suite)
        {
            problem = $"the answer's crypto tag {theirs.Tag} names {theirs.Suite.Name}; we offered {ours.Suite.Name} under it";
            return false;
        }
        keys = new MediaEncryptionKeys(ours.Suite.Name, ours.MasterKey, ours.MasterSalt, theirs.MasterKey, theirs.MasterSalt);
        return true;
    }
}
