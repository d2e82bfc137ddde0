using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Sip.Transactions;

/// <summary>Builds the ACK a client INVITE transaction sends for a non-2xx final (RFC 3261 section 17.1.1.3).</summary>
public static class SipAckBuilder
{
    public static SipMessage ForNonSuccess(SipMessage invite, SipMessage response)
    {
        var ack = SipMessage.Request("ACK", invite.RequestUri!);
        ack.Headers.Add(SipHeaderNames.Via, invite.Headers.Get(SipHeaderNames.Via)!);
        ack.Headers.Add(SipHeaderNames.MaxForwards, "70");
        ack.Headers.CopyFrom(invite.Headers, SipHeaderNames.From);
        ack.Headers.Add(SipHeaderNames.To, response.Headers.Get(SipHeaderNames.To)!);
        ack.Headers.CopyFrom(invite.Headers, SipHeaderNames.CallId);
        ack.Headers.Add(SipHeaderNames.CSeq, $"{invite.CSeq!.Value.Number} ACK");
        ack.Headers.CopyFrom(invite.Headers, SipHeaderNames.Route);
        return ack;
    }
}
