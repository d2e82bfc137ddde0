using System.Threading.Channels;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Sdp;
using VoiceFunctions.MediaHost.Sip.Transactions;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// One call we received: the ringing call the handler answers (<see cref="IIncomingCall"/>) and, once answered,
/// the live session (<see cref="ICallSession"/>). Protocol state changes happen under the user agent's lock;
/// the audio methods go straight to the media session.
/// </summary>
internal sealed partial class SipInboundCall : IIncomingCall, ICallSession, ISipCallLeg, ISipInDialogLeg
{
    private readonly SipUserAgent _ua;
    private readonly SipMessage _invite;
    private readonly SipDialog _dialog;
    private readonly IMediaSession _media;
    private readonly SipOfferAnswer _sdp;
    private readonly SipInDialogRequestHandler _inDialog;
    private readonly TaskCompletionSource<CallEnded> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _lifetime = new();
    // DTMF is a control event, but a peer could flood INFO: keep the newest 64 rather than grow without limit.
    private readonly Channel<DtmfDigit> _dtmf = Channel.CreateBounded<DtmfDigit>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
    private CallState _state = CallState.Ringing;
    private readonly SipOkRetransmitter _okRetransmitter;

    public SipInboundCall(SipUserAgent ua, SipMessage invite, SipServerTransaction transaction, SipDialog dialog, IMediaSession media,
        SdpNegotiation? negotiation, long sessionId, InboundCall call)
    {
        _ua = ua;
        _invite = invite;
        InviteTransaction = transaction;
        _dialog = dialog;
        _media = media;
        _sdp = new SipOfferAnswer(ua, media, sessionId, negotiation);
        _inDialog = new SipInDialogRequestHandler(ua, dialog, _sdp, this);
        Call = call;
        Key = dialog.CallId + "|" + dialog.LocalTag;
        _okRetransmitter = new SipOkRetransmitter(ua.Clock);
        media.DtmfReceived += digit => _dtmf.Writer.TryWrite(digit);
        media.Failed += ended => _ = EndFromMediaAsync(ended);
    }

    private enum CallState
    {
        Ringing,
        Answered,
        Confirmed,
        Ended,
    }

    public string Key { get; }

    public InboundCall Call { get; }

    /// <summary>Whether an INVITE with these Call-ID, From tag and CSeq number is the one that started this call.</summary>
    public bool IsSameInvite(string? callId, string? fromTag, int? cseq) =>
        callId == _dialog.CallId && fromTag == _dialog.RemoteTag && cseq == _invite.CSeq?.Number;

    public SipServerTransaction InviteTransaction { get; }

    public CancellationToken Lifetime => _lifetime.Token;

    public Task<CallEnded> Ended => _ended.Task;

    private SipFlow Flow => InviteTransaction.Flow;

    /// <summary>
    /// Where our own requests (BYE, REFER) go. With a route set (a proxy recorded its route) the first route decides
    /// (RFC 3261 section 12.2.1.1); without one, back where the INVITE came from rather than to its Contact, which behind
    /// a NAT is often a private address the caller cannot be reached at.
    /// </summary>
    private SipFlow RequestFlow => _dialog.RouteSet.Count == 0 ? Flow : Flow with { Remote = SipNextHop.For(_dialog, Flow.Remote) };

    private string Contact => _ua.Contact(Flow.Transport);

    /// <summary>180 Ringing with our tag: the dialog is early from now on.</summary>
    public void Ring()
    {
        var ringing = _ua.Response(_invite, 180, "Ringing", _dialog.LocalTag);
        // RFC 3261 section 12.1.1: the responses that set up the dialog echo Record-Route, so the caller learns the route set too.
        ringing.Headers.CopyFrom(_invite.Headers, SipHeaderNames.RecordRoute);
        ringing.Headers.Add(SipHeaderNames.Contact, Contact);
        _ua.Respond(InviteTransaction, ringing);
    }

    public Task<ICallSession> AnswerAsync(CancellationToken cancellationToken)
    {
        lock (_ua.Clock.Gate)
        {
            if (_state != CallState.Ringing)
            {
                throw new InvalidOperationException(_state == CallState.Ended ? "The call ended before it was answered." : "The call was already answered.");
            }
            if (_sdp.LocalSdp is null)
            {
                // Late offer (INVITE without SDP): we offer in the 200 and read the answer from the ACK.
                _sdp.Offer();
            }
            var ok = _ua.OkWithSdp(_invite, _dialog.LocalTag, Contact, _sdp.LocalSdp!);
            _ua.Respond(InviteTransaction, ok);
            StartOkRetransmission(ok, Flow);
            _state = CallState.Answered;
            if (_sdp.Negotiated is { } media)
            {
                _media.Start(media);
            }
            return Task.FromResult<ICallSession>(this);
        }
    }

    public Task RejectAsync(int sipStatus, string reason, CancellationToken cancellationToken)
    {
        lock (_ua.Clock.Gate)
        {
            if (_state == CallState.Ringing)
            {
                _ua.Respond(InviteTransaction, _ua.Response(_invite, sipStatus, reason, _dialog.LocalTag));
                End(CallEndReason.Rejected, sipStatus, reason);
            }
        }
        return Task.CompletedTask;
    }

    public void OnCancel()
    {
        if (_state != CallState.Ringing)
        {
            return;
        }
        _ua.Respond(InviteTransaction, _ua.Response(_invite, 487, "Request Terminated", _dialog.LocalTag));
        End(CallEndReason.CancelledBeforeAnswer, 487, "caller cancelled before answer");
    }

    /// <summary>
    /// ACK for our 2xx (to the INVITE or a re-INVITE): stop retransmitting; after an INVITE or re-INVITE without SDP
    /// it carries the answer to the offer in our 200.
    /// </summary>
    public void OnAck(SipMessage ack)
    {
        StopOkRetransmission();
        if (_state != CallState.Answered)
        {
            return;
        }
        _state = CallState.Confirmed;
        if (_sdp.Negotiated is null && !ack.Body.IsEmpty && _sdp.TakeAnswer(ack.Body.Span) is { } unusable)
        {
            SendBye();
            End(CallEndReason.Rejected, 488, "the ACK's SDP answer was unusable: " + unusable);
        }
        else if (_inDialog.OnAck(ack) is { } unusableReAnswer)
        {
            SendBye();
            End(CallEndReason.Error, 488, "the ACK's SDP answer was unusable: " + unusableReAnswer);
        }
    }

    /// <summary>We never send INVITEs on an inbound call's dialog, so there is no 2xx of ours to re-ACK.</summary>
    public void OnRetransmitted2xx(SipMessage response)
    {
    }

    /// <summary>Retransmits our 2xx until the ACK; with no ACK after 64*T1 the dialog is torn down with a BYE.</summary>
    private void StartOkRetransmission(SipMessage ok, SipFlow flow) =>
        _okRetransmitter.Start(ok, flow, () =>
        {
            if (_state == CallState.Ended)
            {
                return;
            }
            SendBye();
            End(CallEndReason.Error, 408, "no ACK for our 200 OK within 64*T1");
        });

    private void StopOkRetransmission() => _okRetransmitter.Stop();

    private void SendBye() => _ua.SendRequest(_dialog.CreateRequest("BYE", Contact), RequestFlow, _ => { });

    private void End(CallEndReason reason, int? status, string detail)
    {
        if (_state == CallState.Ended)
        {
            return;
        }
        _state = CallState.Ended;
        StopOkRetransmission();
        _ = _media.StopAsync();
        _dtmf.Writer.TryComplete();
        _ua.CallEnded(this);
        SipUserAgentLog.CallEnded(_ua.Logger, Call.CallId, reason.ToString(), detail);
        _transfer?.TrySetResult(new TransferResult(false, status, "the call ended: " + detail));
        _ended.TrySetResult(new CallEnded(reason, status, detail));
        _lifetime.Cancel();
    }

    private async Task EndFromMediaAsync(CallEnded ended)
    {
        await Task.Yield();
        lock (_ua.Clock.Gate)
        {
            if (_state is CallState.Answered or CallState.Confirmed)
            {
                SendBye();
            }
            End(ended.Reason, ended.SipStatus, ended.Detail);
        }
    }
}
