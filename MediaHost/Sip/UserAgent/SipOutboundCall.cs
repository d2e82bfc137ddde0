using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Sip.Auth;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Sdp;
using VoiceFunctions.MediaHost.Sip.Transactions;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// A call we place: INVITE with our offer, one digest retry on 401/407, ACK for the 2xx (again if the 2xx is
/// retransmitted), then BYE from either side. Re-INVITEs from the far end are refused (488) on this leg for now.
/// </summary>
internal sealed class SipOutboundCall : ICallSession, ISipCallLeg
{
    private readonly SipUserAgent _ua;
    private readonly SipOutboundCallRequest _request;
    private readonly IMediaSession _media;
    private readonly SipFlow _flow;
    private readonly string _callId;
    private readonly string _localTag = SipIds.Tag();
    private readonly long _sessionId;
    private readonly TaskCompletionSource<ICallSession> _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<CallEnded> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<DtmfDigit> _dtmf = Channel.CreateBounded<DtmfDigit>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
    private SipDialog? _dialog;
    private SipMessage? _ack;
    private int _cseq = 1;
    private bool _authenticated;
    private bool _over;

    public SipOutboundCall(SipUserAgent ua, SipOutboundCallRequest request, IMediaSession media, SipFlow flow, long sessionId)
    {
        _ua = ua;
        _request = request;
        _media = media;
        _flow = flow;
        _sessionId = sessionId;
        _callId = SipIds.CallId(ua.AdvertisedAddress(flow.Transport.LocalEndpoint.Address).ToString());
        Key = _callId + "|" + _localTag;
        Call = new InboundCall(_callId, request.FromUser, SipUri.TryParse(request.Target, out var uri) ? uri.User ?? "" : "", new Dictionary<string, string>(), "");
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
        invite.Headers.Add(SipHeaderNames.ContentType, "application/sdp");
        invite.Body = Encoding.UTF8.GetBytes(SdpNegotiator.Offer(_media.Codecs, _ua.AdvertisedAddress(_media.LocalEndpoint.Address), _media.LocalEndpoint.Port, _sessionId, 1));
        if (challenge is not null && (_request.Credentials is null || !DigestClient.TryAuthorize(invite, challenge, _request.Credentials, out _)))
        {
            Fail(challenge.StatusCode, "challenged and no usable credentials");
            return;
        }
        _ua.SendRequest(invite, _flow, response => OnInviteResponse(invite, response));
    }

    private void OnInviteResponse(SipMessage invite, SipMessage response)
    {
        var status = response.StatusCode;
        if (status < 200 || _over)
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
        var answer = SdpNegotiator.ReadAnswer(Encoding.UTF8.GetString(response.Body.Span), _media.Codecs);
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
        _ack = BuildAck(response);
        _ua.SendRequest(_ack, _flow, _ => { });
        if (answer.Media is null)
        {
            Hangup(CallEndReason.Rejected, 488, "the answer's SDP was unusable: " + answer.FailureReason);
            _answered.TrySetException(new InvalidOperationException(answer.FailureReason));
            return;
        }
        _media.Start(answer.Media);
        Call = Call with { Codec = answer.Media.Codec.ToString() };
        _answered.TrySetResult(this);
    }

    private SipMessage BuildAck(SipMessage response)
    {
        var ack = SipMessage.Request("ACK", _dialog!.RemoteTarget);
        ack.Headers.Add(SipHeaderNames.MaxForwards, "70");
        ack.Headers.Add(SipHeaderNames.From, LocalAddress + ";tag=" + _localTag);
        ack.Headers.Add(SipHeaderNames.To, response.Headers.Get(SipHeaderNames.To)!);
        ack.Headers.Add(SipHeaderNames.CallId, _callId);
        ack.Headers.Add(SipHeaderNames.CSeq, $"{_cseq} ACK");
        foreach (var route in _dialog.RouteSet)
        {
            ack.Headers.Add(SipHeaderNames.Route, route);
        }
        return ack;
    }

    public void OnRetransmitted2xx(SipMessage response)
    {
        if (_ack is not null)
        {
            _ack.Headers.Remove(SipHeaderNames.Via);
            _ua.SendRequest(_ack, _flow, _ => { });
        }
    }

    public void OnAck(SipMessage ack)
    {
    }

    public void OnRequest(SipMessage request, SipServerTransaction transaction)
    {
        switch (request.Method)
        {
            case "BYE":
                _ua.Respond(transaction, _ua.Response(request, 200, "OK"));
                End(CallEndReason.CallerHangUp, null, "BYE from the callee");
                break;
            case "INFO" when DtmfInfoParser.TryParse(request.ContentType, request.Body.Span, out var digit):
                _dtmf.Writer.TryWrite(digit);
                _ua.Respond(transaction, _ua.Response(request, 200, "OK"));
                break;
            case "OPTIONS" or "INFO" or "NOTIFY":
                _ua.Respond(transaction, _ua.Response(request, 200, "OK"));
                break;
            case "INVITE":
                _ua.Respond(transaction, _ua.Response(request, 488, "Not Acceptable Here - renegotiation of placed calls is not supported"));
                break;
            default:
                _ua.Respond(transaction, _ua.Response(request, 405, "Method Not Allowed"));
                break;
        }
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
            _ua.SendRequest(_dialog.CreateRequest("BYE", _ua.Contact(_flow.Transport)), _flow, _ => { });
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

    public ValueTask WriteFrameAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken) => _media.WriteFrameAsync(frame, cancellationToken);

    public int ClearPlayback() => _media.ClearPlayback();

    public async Task<bool> SendDtmfAsync(char digit, TimeSpan duration, CancellationToken cancellationToken)
    {
        Rtp.Dtmf.TelephoneEvent.CodeOf(digit);
        if (_dialog is null || _over)
        {
            return false;
        }
        if (await _media.SendDtmfAsync(digit, duration, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }
        var answered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_ua.Clock.Gate)
        {
            if (_over)
            {
                return false;
            }
            _ua.SendRequest(DtmfInfoRequest.Create(_dialog, _ua.Contact(_flow.Transport), digit, duration), _flow, response =>
            {
                if (response.StatusCode >= 200)
                {
                    answered.TrySetResult(response.StatusCode < 300);
                }
            });
        }
        return await answered.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<DtmfDigit> DtmfDigits([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var digit in _dtmf.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return digit;
        }
    }
}
