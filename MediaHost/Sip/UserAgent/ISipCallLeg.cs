using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Transactions;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>What the user agent core needs from a call, inbound or outbound: its dialog key and in-dialog requests.</summary>
internal interface ISipCallLeg
{
    /// <summary>Call-ID and our tag: how in-dialog requests (whose To or From carries our tag) find the call.</summary>
    string Key { get; }

    void OnRequest(SipMessage request, SipServerTransaction transaction);

    void OnAck(SipMessage ack);

    /// <summary>A 2xx to our INVITE arrived again after its transaction ended (our ACK was lost): ACK again.</summary>
    void OnRetransmitted2xx(SipMessage response);
}
