using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Sdp;
using VoiceFunctions.MediaHost.Sip.Transactions;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// The signalling of one call we received: ringing, the one answer or refusal, the dialog until BYE. Protocol state
/// changes under the endpoint's lock. The media session is used only to negotiate (SDP) and is stopped when the dialog
/// ends; its audio belongs to the call layer.
/// </summary>
internal sealed partial class SipInboundLeg : ISipInboundLeg, ISipCallLeg, ISipInDialogLeg
{
    private readonly SipEndpoint _endpoint;
    private readonly SipMessage _invite;
    private readonly SipDialog _dialog;
    private readonly IMediaSession _media;
    private readonly SipOfferAnswer _sdp;
    private readonly SipInDialogRequestHandler _inDialog;
    private readonly SipOkRetransmitter _okRetransmitter;
    private readonly Action<ISipCallLeg> _released;
    private readonly TaskCompletionSource<CallEnded> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _lifetime = new();
    private CallState _state = CallState.Ringing;
    private volatile bool _over;

    public SipInboundLeg(SipEndpoint endpoint, SipMessage invite, SipServerTransaction transaction, SipDialog dialog, IMediaSession media,
        SdpNegotiation? negotiation, long sessionId, SipCallParties parties, Action<ISipCallLeg> released)
    {
        _endpoint = endpoint;
        _invite = invite;
        InviteTransaction = transaction;
        _dialog = dialog;
        _media = media;
        _released = released;
        _sdp = new SipOfferAnswer(endpoint, media, sessionId, endpoint.Options.MediaEncryption, firstAnswer: negotiation);
        _inDialog = new SipInDialogRequestHandler(endpoint, dialog, _sdp, this);
        _okRetransmitter = new SipOkRetransmitter(endpoint);
        Parties = parties;
        Codec = negotiation?.Media?.Codec.ToString() ?? "";
        Key = dialog.CallId + "|" + dialog.LocalTag;
    }

    private enum CallState
    {
        Ringing,
        Answered,
        Confirmed,
        Ended,
    }

    public string Key { get; }

    public string CallId => _dialog.CallId;

    public SipCallParties Parties { get; }

    /// <summary>The codec the INVITE's offer settled on (empty for an INVITE without SDP).</summary>
    public string Codec { get; }

    public bool HasEnded => _over;

    public bool MaySendAudio => _sdp.Negotiated?.MaySend != false;

    public event Action<DtmfDigit>? DtmfReceived;

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

    private string Contact => _endpoint.Contact(Flow.Transport);

    private SipResponses Responses => _endpoint.Responses;

    /// <summary>180 Ringing with our tag: the dialog is early from now on.</summary>
    public void Ring()
    {
        var ringing = Responses.Create(_invite, 180, "Ringing", _dialog.LocalTag);
        // RFC 3261 section 12.1.1: the responses that set up the dialog echo Record-Route, so the caller learns the route set too.
        ringing.Headers.CopyFrom(_invite.Headers, SipHeaderNames.RecordRoute);
        ringing.Headers.Add(SipHeaderNames.Contact, Contact);
        _endpoint.Respond(InviteTransaction, ringing);
    }

    public void Answer()
    {
        using (_endpoint.Enter())
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
            var ok = Responses.OkWithSdp(_invite, _dialog.LocalTag, Contact, _sdp.LocalSdp!);
            _endpoint.Respond(InviteTransaction, ok);
            StartOkRetransmission(ok, Flow);
            _state = CallState.Answered;
            if (_sdp.Negotiated is { } media)
            {
                _media.Start(media);
            }
        }
    }

    public Task RejectAsync(int sipStatus, string reason, CancellationToken cancellationToken)
    {
        using (_endpoint.Enter())
        {
            if (_state == CallState.Ringing)
            {
                _endpoint.Respond(InviteTransaction, Responses.Create(_invite, sipStatus, reason, _dialog.LocalTag));
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
        _endpoint.Respond(InviteTransaction, Responses.Create(_invite, 487, "Request Terminated", _dialog.LocalTag));
        End(CallEndReason.CancelledBeforeAnswer, 487, "caller cancelled before answer");
    }

    /// <summary>
    /// ACK for our 2xx (to the INVITE or a re-INVITE): stop retransmitting; after an INVITE or re-INVITE without SDP
    /// it carries the answer to the offer in our 200.
    /// </summary>
    public void OnAck(SipMessage ack)
    {
        _okRetransmitter.Stop();
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

    private void SendBye() => _endpoint.SendRequest(_dialog.CreateRequest("BYE", Contact), RequestFlow, _ => { });

    private void End(CallEndReason reason, int? status, string detail)
    {
        if (_state == CallState.Ended)
        {
            return;
        }
        _state = CallState.Ended;
        _over = true;
        _okRetransmitter.Stop();
        _ = _media.StopAsync();
        _released(this);
        SipUserAgentLog.CallEnded(_endpoint.Logger, CallId, reason.ToString(), detail);
        _transfer?.TrySetResult(new TransferResult(false, status, "the call ended: " + detail));
        _ended.TrySetResult(new CallEnded(reason, status, detail));
        _lifetime.Cancel();
    }

    public void EndFromMedia(CallEnded ended) => _ = Task.Run(() =>
    {
        using (_endpoint.Enter())
        {
            if (_state is CallState.Answered or CallState.Confirmed)
            {
                SendBye();
            }
            End(ended.Reason, ended.SipStatus, ended.Detail);
        }
    });
}
