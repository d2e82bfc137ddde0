using System.Text;
using VoiceFunctions.MediaHost.MediaModel;
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
/// Signalling only: the media session is used to negotiate and is stopped when the dialog ends.
/// </summary>
internal sealed partial class SipOutboundLeg : ISipOutboundLeg, ISipCallLeg, ISipInDialogLeg
{
    private readonly SipEndpoint _endpoint;
    private readonly SipOutboundCallRequest _request;
    private readonly IMediaSession _media;
    private readonly SipFlow _flow;
    private readonly string _callId;
    private readonly string _localTag = SipIds.Tag();
    private readonly SipOfferAnswer _sdp;
    private readonly Action<ISipCallLeg> _released;
    private readonly TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<CallEnded> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
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
    private volatile bool _over;

    public SipOutboundLeg(SipEndpoint endpoint, SipOutboundCallRequest request, IMediaSession media, SipFlow flow, long sessionId, Action<ISipCallLeg> released)
    {
        _endpoint = endpoint;
        _request = request;
        _media = media;
        _flow = flow;
        _released = released;
        _sdp = new SipOfferAnswer(endpoint, media, sessionId, request.MediaEncryption, request.SrtpSuites);
        _callId = SipIds.CallId(endpoint.AdvertisedAddress(flow.Transport.LocalEndpoint.Address).ToString());
        Key = _callId + "|" + _localTag;
        Parties = new SipCallParties(request.FromUser, SipUri.TryParse(request.Target, out var uri) ? uri.User ?? "" : "", new Dictionary<string, string>());
        _okRetransmitter = new SipOkRetransmitter(endpoint);
    }

    public string Key { get; }

    public string CallId => _callId;

    public SipCallParties Parties { get; }

    /// <summary>The codec the callee's answer settled on; empty until answered.</summary>
    public string Codec { get; private set; } = "";

    public bool HasEnded => _over;

    public bool MaySendAudio => _sdp.Negotiated?.MaySend != false;

    public event Action<DtmfDigit>? DtmfReceived;

    public Task<CallEnded> Ended => _ended.Task;

    public Task Answered => _answered.Task;

    private string LocalAddress => $"<sip:{_request.FromUser}@{_endpoint.SentBy(_flow.Transport)}>";

    private string Contact => _endpoint.Contact(_flow.Transport);

    /// <summary>Sends the first INVITE (under the stack lock).</summary>
    public void Start() => SendInvite(null);

    private void SendInvite(SipMessage? challenge)
    {
        var invite = SipMessage.Request("INVITE", _request.Target);
        invite.Headers.Add(SipHeaderNames.MaxForwards, "70");
        invite.Headers.Add(SipHeaderNames.From, LocalAddress + ";tag=" + _localTag);
        invite.Headers.Add(SipHeaderNames.To, "<" + _request.Target + ">");
        invite.Headers.Add(SipHeaderNames.CallId, _callId);
        invite.Headers.Add(SipHeaderNames.CSeq, $"{_cseq} INVITE");
        invite.Headers.Add(SipHeaderNames.Contact, Contact);
        invite.Headers.Add(SipHeaderNames.Allow, SipUserAgentOptions.Allow);
        invite.Headers.Add(SipHeaderNames.RecvInfo, SipInfoAnswer.ReceivedPackages);
        invite.Headers.Add(SipHeaderNames.ContentType, SipContentTypes.Sdp);
        invite.Body = Encoding.UTF8.GetBytes(_sdp.Offer());
        if (challenge is not null && (_request.Credentials is null || !DigestClient.TryAuthorize(invite, challenge, _request.Credentials, out _)))
        {
            Fail(challenge.StatusCode, "challenged and no usable credentials");
            return;
        }
        _endpoint.SendRequest(invite, _flow, response => OnInviteResponse(invite, response));
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
            // e.g. SRTP required and the callee answered plain RTP: the call is not had, and the dial result says why.
            Hangup(CallEndReason.Rejected, 488, "the answer's SDP was unusable: " + unusable);
            _answered.TrySetException(new SipCallFailedException(488, "the answer's SDP was unusable: " + unusable));
            return;
        }
        Codec = _sdp.Negotiated!.Codec.ToString();
        _answered.TrySetResult();
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
        _inDialog = new SipInDialogRequestHandler(_endpoint, _dialog, _sdp, this);
        _ack = _dialog.CreateAck(_cseq);
        _endpoint.SendRequest(_ack, _dialogFlow, _ => { });
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
            _endpoint.SendRequest(_dialog.CreateRequest("BYE", Contact), _dialogFlow!, _ => { });
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
        _released(this);
        _ended.TrySetResult(new CallEnded(reason, status, detail));
    }
}
