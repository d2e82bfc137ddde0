using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Sip.Auth;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Transactions;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// A call we place: INVITE with our offer, one digest retry on 401/407, ACK for the 2xx (again if the 2xx is
/// retransmitted), then BYE from either side. Our in-dialog requests follow the dialog's route set to its remote
/// target (RFC 3261 section 12.2.1.1), not the address the INVITE went to; re-INVITEs from the callee (hold,
/// unhold, codec change) are answered like on calls we receive. Given up before the answer, it is CANCELled.
/// </summary>
internal sealed partial class SipOutboundCall : ICallSession, ISipCallLeg, ISipInDialogLeg
{
    private readonly SipUserAgent _ua;
    private readonly SipOutboundCallRequest _request;
    private readonly IMediaSession _media;
    private readonly SipFlow _flow;
    private readonly string _callId;
    private readonly string _localTag = SipIds.Tag();
    private readonly SipOfferAnswer _sdp;
    private readonly TaskCompletionSource<ICallSession> _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<CallEnded> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<DtmfDigit> _dtmf = Channel.CreateBounded<DtmfDigit>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
    private SipDialog? _dialog;
    private SipInDialogRequestHandler? _inDialog;
    private readonly SipOkRetransmitter _okRetransmitter;
    private SipMessage? _ack;
    private SipMessage? _invite;
    private bool _provisional;
    private bool _cancelled;
    private SipFlow? _dialogFlow;
    private int _cseq = 1;
    private bool _authenticated;
    private bool _over;

    public SipOutboundCall(SipUserAgent ua, SipOutboundCallRequest request, IMediaSession media, SipFlow flow, long sessionId)
    {
        _ua = ua;
        _request = request;
        _media = media;
        _flow = flow;
        _sdp = new SipOfferAnswer(ua, media, sessionId);
        _callId = SipIds.CallId(ua.AdvertisedAddress(flow.Transport.LocalEndpoint.Address).ToString());
        Key = _callId + "|" + _localTag;
        Call = new InboundCall(_callId, request.FromUser, SipUri.TryParse(request.Target, out var uri) ? uri.User ?? "" : "", new Dictionary<string, string>(), "");
        _okRetransmitter = new SipOkRetransmitter(ua.Clock);
        media.DtmfReceived += digit => _dtmf.Writer.TryWrite(digit);
    }

    public string Key { get; }

    public InboundCall Call { get; private set; }

    public Task<CallEnded> Ended => _ended.Task;

    public Task<ICallSession> Answered => _answered.Task;

    private string LocalAddress => $"<sip:{_request.FromUser}@{_ua.SentBy(_flow.Transport)}>";

    /// <summary>Sends the first INVITE (under the user agent's lock).</summary>
    public void Start() => SendInvite(null);

    private void SendInvite(SipMessage? challenge)
    {
        var invite = SipMessage.Request("INVITE", _request.Target);
        invite.Headers.Add(SipHeaderNames.MaxForwards, "70");
        invite.Headers.Add(SipHeaderNames.From, LocalAddress + ";tag=" + _localTag);
        invite.Headers.Add(SipHeaderNames.To, "<" + _request.Target + ">");
        invite.Headers.Add(SipHeaderNames.CallId, _callId);
        invite.Headers.Add(SipHeaderNames.CSeq, $"{_cseq} INVITE");
        invite.Headers.Add(SipHeaderNames.Contact, _ua.Contact(_flow.Transport));
        invite.Headers.Add(SipHeaderNames.Allow, SipUserAgentOptions.Allow);
        invite.Headers.Add(SipHeaderNames.RecvInfo, SipInfoAnswer.ReceivedPackages);
        invite.Headers.Add(SipHeaderNames.ContentType, SipContentTypes.Sdp);
        invite.Body = Encoding.UTF8.GetBytes(_sdp.Offer());
        if (challenge is not null && (_request.Credentials is null || !DigestClient.TryAuthorize(invite, challenge, _request.Credentials, out _)))
        {
            Fail(challenge.StatusCode, "challenged and no usable credentials");
            return;
        }
        _ua.SendRequest(invite, _flow, response => OnInviteResponse(invite, response));
        _invite = invite;
        _provisional = false;
    }

    private void OnInviteResponse(SipMessage invite, SipMessage response)
    {
        var status = response.StatusCode;
        if (status < 200)
        {
            OnProvisional(invite);
            return;
        }
        if (_cancelled && status < 300 && _dialog is null)
        {
            ConfirmAndEndLateAnswer(response);
            return;
        }
        if (_over || _dialog is not null)
        {
            return;
        }
        if (status is 401 or 407 && !_authenticated)
        {
            _authenticated = true;
            _cseq++;
            SendInvite(response);
            return;
        }
        if (status >= 300)
        {
            Fail(status, $"{status} {response.ReasonPhrase}");
            return;
        }
        ConfirmDialog(response);
        if (_sdp.TakeAnswer(response.Body.Span) is { } unusable)
        {
            Hangup(CallEndReason.Rejected, 488, "the answer's SDP was unusable: " + unusable);
            _answered.TrySetException(new InvalidOperationException(unusable));
            return;
        }
        Call = Call with { Codec = _sdp.Negotiated!.Codec.ToString() };
        _answered.TrySetResult(this);
    }

    /// <summary>The 2xx makes the dialog: build it from the response and ACK (RFC 3261 sections 12.1.2 and 13.2.2.4).</summary>
    private void ConfirmDialog(SipMessage response)
    {
        _dialog = new SipDialog
        {
            CallId = _callId,
            LocalTag = _localTag,
            RemoteTag = response.To?.Tag,
            LocalAddress = LocalAddress,
            RemoteAddress = "<" + _request.Target + ">",
            RemoteTarget = SipNameAddress.TryParse(response.Headers.Get(SipHeaderNames.Contact), out var contact) ? contact.UriText : _request.Target,
            RouteSet = [.. response.Headers.GetAll(SipHeaderNames.RecordRoute).Reverse()],
            LocalCSeq = _cseq,
        };
        // Everything we send in the dialog from now on goes to its next hop (first route, else the callee's Contact).
        _dialogFlow = _flow with { Remote = SipNextHop.For(_dialog, _flow.Remote) };
        _inDialog = new SipInDialogRequestHandler(_ua, _dialog, _sdp, this);
        _ack = _dialog.CreateAck(_cseq);
        _ua.SendRequest(_ack, _dialogFlow, _ => { });
    }

    private void Fail(int status, string detail)
    {
        End(CallEndReason.Rejected, status, detail);
        _answered.TrySetException(new SipCallFailedException(status, detail));
    }

    private void Hangup(CallEndReason reason, int? status, string detail)
    {
        if (_dialog is not null && !_over)
        {
            _ua.SendRequest(_dialog.CreateRequest("BYE", _ua.Contact(_flow.Transport)), _dialogFlow!, _ => { });
        }
        End(reason, status, detail);
    }

    private void End(CallEndReason reason, int? status, string detail)
    {
        if (_over)
        {
            return;
        }
        _over = true;
        _okRetransmitter.Stop();
        _ = _media.StopAsync();
        _dtmf.Writer.TryComplete();
        _ua.CallEnded(this);
        _ended.TrySetResult(new CallEnded(reason, status, detail));
    }

    public Task HangUpAsync(CallEndReason reason, CancellationToken cancellationToken)
    {
        lock (_ua.Clock.Gate)
        {
            Hangup(reason, null, "we hung up");
        }
        return Task.CompletedTask;
    }

    public Task<TransferResult> TransferAsync(string target, CancellationToken cancellationToken) =>
        Task.FromResult(new TransferResult(false, null, "transfer of calls we placed is not supported"));

    public ValueTask<bool> ReadFrameAsync(Memory<short> destination, CancellationToken cancellationToken) =>
        _over ? ValueTask.FromResult(false) : _media.ReadFrameAsync(destination, cancellationToken);

    public ValueTask WriteFrameAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken) =>
        _sdp.Negotiated?.MaySend == false ? ValueTask.CompletedTask : _media.WriteFrameAsync(frame, cancellationToken);

    public int ClearPlayback() => _media.ClearPlayback();

    public Task<bool> SendDtmfAsync(char digit, TimeSpan duration, CancellationToken cancellationToken) =>
        SipDtmfSender.SendAsync(_ua, _media, () => _dialog is null || _over ? null : (_dialog, _ua.Contact(_flow.Transport), _dialogFlow!),
            digit, duration, cancellationToken);

    public async IAsyncEnumerable<DtmfDigit> DtmfDigits([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var digit in _dtmf.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return digit;
        }
    }
}
