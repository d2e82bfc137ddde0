using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Transactions;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// Where the two call legs (a call we received, a call we placed) differ in answering the peer's in-dialog requests:
/// everything else <see cref="SipInDialogRequestHandler"/> does the same for both.
/// </summary>
internal interface ISipInDialogLeg
{
    /// <summary>Our Contact, put in the 200 to a re-INVITE (a target refresh goes both ways).</summary>
    string Contact { get; }

    /// <summary>True while our 200 to the last INVITE of the dialog waits for its ACK: a new offer meanwhile gets 491.</summary>
    bool AwaitingAck { get; }

    /// <summary>True while the INVITE that created the dialog has had no final response from us (a received call ringing).</summary>
    bool InitialInviteUnanswered { get; }

    /// <summary>A re-INVITE made its Contact the dialog's remote target (a placed call sends its later requests there).</summary>
    void RemoteTargetChanged();

    /// <summary>We sent <paramref name="ok"/> to a re-INVITE on <paramref name="flow"/>: retransmit it until the ACK.</summary>
    void ReInviteAnswered(SipMessage ok, SipFlow flow);

    /// <summary>A DTMF digit the peer sent by SIP INFO.</summary>
    void InfoDigitReceived(DtmfDigit digit);

    /// <summary>
    /// A NOTIFY (a call we received follows its transfer's progress in them). True when it belongs to a subscription
    /// of ours (the implicit one of a REFER we sent); false answers it 481.
    /// </summary>
    bool NotifyReceived(SipMessage notify);

    /// <summary>The peer's BYE, already answered 200: the call is over.</summary>
    void ByeReceived();
}
