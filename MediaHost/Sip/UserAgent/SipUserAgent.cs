using Microsoft.Extensions.Logging;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Policy;
using VoiceFunctions.MediaHost.Sip.Transactions;
using VoiceFunctions.MediaHost.Sip.Transport;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// The SIP user agent: a router over the <see cref="SipEndpoint"/>. It receives from the transports, applies the inbound
/// policy, lets the endpoint match transactions, screens new requests (<see cref="SipRequestScreening"/>) and routes
/// them: new calls and CANCEL to <see cref="SipIncomingInvites"/> (which hands calls to the call layer through
/// <see cref="ISipIncomingCallSink"/>), in-dialog requests to their call leg, OPTIONS and unknown methods answered here.
/// Calls we place go through <see cref="SipCallPlacer"/>. Application code (the call handler) always runs outside the
/// stack lock.
/// </summary>
public sealed class SipUserAgent : IDisposable
{
    private readonly SipEndpoint _endpoint;
    private readonly SipUserAgentOptions _options;
    private readonly IReadOnlyList<ISipTransport> _transports;
    private readonly IInboundPolicy _policy;
    private readonly ILogger _logger;
    private readonly SipMetrics _metrics;
    private readonly SipCallTable _calls;
    private readonly SipRequestScreening _screening;
    private readonly SipIncomingInvites _invites;
    private readonly SipCallPlacer _placer;

    public SipUserAgent(SipUserAgentOptions options, IReadOnlyList<ISipTransport> transports, IMediaSessionFactory media, ISipIncomingCallSink incoming,
        IInboundPolicy policy, TimeProvider time, ILogger logger, SipMetrics? metrics = null)
    {
        _options = options;
        _transports = transports;
        _policy = policy;
        _logger = logger;
        _metrics = metrics ?? new SipMetrics();
        _endpoint = new SipEndpoint(options, time, logger, _metrics);
        _calls = new SipCallTable(_metrics);
        var sessionIds = new SdpSessionIds();
        _screening = new SipRequestScreening(_endpoint, options, policy);
        _invites = new SipIncomingInvites(_endpoint, options, media, incoming, _calls, sessionIds, logger);
        _placer = new SipCallPlacer(_endpoint, transports, media, _calls, sessionIds);
        _metrics.ObserveActiveDialogs(() => ActiveCalls);
    }

    /// <summary>The endpoint the user agent and its call legs speak through (its lock, timers and transactions).</summary>
    internal SipEndpoint Endpoint => _endpoint;

    private SipClock Clock => _endpoint.Clock;

    private SipResponses Responses => _endpoint.Responses;

    public int ActiveCalls
    {
        get
        {
            using (_endpoint.Enter())
            {
                return _calls.Count;
            }
        }
    }

    public void Start()
    {
        foreach (var transport in _transports)
        {
            transport.Start(Receive);
        }
    }

    /// <summary>Graceful shutdown, step one: new INVITEs get 503 from now on.</summary>
    public void StopAcceptingCalls()
    {
        using (_endpoint.Enter())
        {
            _invites.Draining = true;
        }
    }

    /// <summary>
    /// Places a call: reserves media, sends the INVITE with our offer and returns the leg at once; the leg's
    /// <see cref="ISipOutboundLeg.Answered"/> completes on the answer or fails (<see cref="SipCallFailedException"/> with the
    /// SIP status). Goes over TLS for sips: or ";transport=tls", over TCP for ";transport=tcp", else over UDP. Cancelling
    /// <paramref name="cancellationToken"/> before the answer CANCELs the INVITE (a ring timeout is the caller's token with a delay).
    /// </summary>
    public SipPlacedCall PlaceCall(SipOutboundCallRequest request, CancellationToken cancellationToken) =>
        _placer.Place(request, cancellationToken);

    /// <summary>Waits for calls to end up to <paramref name="timeout"/>, then hangs up the rest.</summary>
    public async Task DrainAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        StopAcceptingCalls();
        var deadline = Clock.Time.GetTimestamp() + (long)(timeout.TotalSeconds * Clock.Time.TimestampFrequency);
        while (ActiveCalls > 0 && Clock.Time.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), Clock.Time, cancellationToken).ConfigureAwait(false);
        }
        IReadOnlyList<ISipCallSignalling> remaining;
        using (_endpoint.Enter())
        {
            remaining = _calls.All;
        }
        foreach (var call in remaining)
        {
            await call.HangUpAsync(Shared.Calls.CallEndReason.Shutdown, cancellationToken).ConfigureAwait(false);
        }
        // A polite hang-up is a BYE that is answered: let the BYEs' transactions finish (their 200s arrive, or UDP
        // retransmits a lost BYE) before the transports close, for at most ByeCompletionWait.
        var byeDeadline = Clock.Time.GetTimestamp() + (long)(ByeCompletionWait.TotalSeconds * Clock.Time.TimestampFrequency);
        while (remaining.Count > 0 && _endpoint.PendingClientTransactions > 0 && Clock.Time.GetTimestamp() < byeDeadline && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), Clock.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>How long a drain waits for the answers to the BYEs it sent at its timeout.</summary>
    public static readonly TimeSpan ByeCompletionWait = TimeSpan.FromSeconds(4);

    /// <summary>Entry point for everything the transports receive.</summary>
    public void Receive(SipReceived received)
    {
        using (_endpoint.Enter())
        {
            var result = received.Result;
            if (result.Status != SipReadStatus.Done)
            {
                HandleMalformed(received);
                return;
            }
            var message = result.Message!;
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                SipUserAgentLog.Received(_logger, received.Remote, SipMessageRedactor.Redact(message));
            }
            if (message.IsRequest)
            {
                HandleRequest(message, received);
            }
            else
            {
                HandleResponse(message);
            }
        }
    }

    private void HandleMalformed(SipReceived received)
    {
        var partial = received.Result.Partial;
        _metrics.Malformed();
        if (partial is not { IsRequest: true } || _policy.Evaluate(received.Remote, partial).Verdict == InboundVerdict.Drop)
        {
            SipUserAgentLog.Dropped(_logger, received.Remote, received.Result.Error ?? "malformed");
            return;
        }
        if (SipResponseBuilder.TryReject(received.Result) is { } badRequest)
        {
            SipUserAgentLog.BadRequest(_logger, received.Remote, received.Result.Error!);
            SipInboundRoute.StampVia(partial, received.Remote);
            _endpoint.SendStateless(badRequest, SipInboundRoute.ResponseFlow(partial, received));
        }
    }

    private void HandleRequest(SipMessage request, SipReceived received)
    {
        _metrics.Request(request.Method!);
        var decision = _policy.Evaluate(received.Remote, request);
        if (decision.Verdict == InboundVerdict.Drop)
        {
            _metrics.RejectedSource();
            SipUserAgentLog.Dropped(_logger, received.Remote, decision.Reason ?? "policy");
            return;
        }
        _options.MessageObserver?.Observe(request, sent: false);
        SipInboundRoute.StampVia(request, received.Remote);
        var flow = SipInboundRoute.ResponseFlow(request, received);
        var key = SipTransactionKeys.ForServer(request);
        if (key is not null && _endpoint.FindServerTransaction(key) is { } existing)
        {
            if (request.Method == "ACK")
            {
                existing.OnAck();
            }
            else
            {
                existing.OnRetransmission();
            }
            return;
        }
        if (request.Method == "ACK")
        {
            // ACK for a 2xx is its own transaction: the dialog takes it (RFC 3261 section 13.3.1.4).
            _calls.ForRequest(request)?.OnAck(request);
            return;
        }
        if (decision.Verdict == InboundVerdict.Reject)
        {
            _metrics.RejectedSource();
            var refusal = SipResponseBuilder.Create(request, decision.Status, decision.Reason ?? "Forbidden", SipIds.Tag());
            if (decision.RetryAfter is { } retryAfter)
            {
                refusal.Headers.Add(SipHeaderNames.RetryAfter, ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            _endpoint.SendStateless(refusal, flow);
            return;
        }
        var transaction = _endpoint.NewServerTransaction(key!, request, flow);
        if (_screening.Refuses(request, transaction, received.Remote))
        {
            return;
        }
        switch (request.Method)
        {
            case "INVITE" when request.To?.Tag is null:
                _invites.OnInvite(request, transaction);
                break;
            case "CANCEL":
                _invites.OnCancel(request, transaction);
                break;
            case "OPTIONS" when request.To?.Tag is null:
                // A front door's health probe: 503 while draining, so it sends new calls elsewhere (calls in progress go on).
                _endpoint.Respond(transaction, _invites.Draining
                    ? Responses.ServiceUnavailable(request, "shutting down", 30)
                    : Responses.OptionsAnswer(request, SipIds.Tag()));
                break;
            case "MESSAGE" when request.To?.Tag is null:
                // Pager-mode messages (RFC 3428) are no call's business: not allowed here, rather than "no such call".
                _endpoint.Respond(transaction, Responses.MethodNotAllowed(request, SipIds.Tag()));
                break;
            case "INVITE" or "BYE" or "INFO" or "NOTIFY" or "REFER" or "OPTIONS" or "UPDATE" or "MESSAGE":
                if (_calls.ForRequest(request) is { } call)
                {
                    call.OnRequest(request, transaction);
                }
                else
                {
                    _endpoint.Respond(transaction, Responses.Create(request, 481, "Call/Transaction Does Not Exist"));
                }
                break;
            case "REGISTER" or "SUBSCRIBE" or "PUBLISH" or "PRACK":
                _endpoint.Respond(transaction, Responses.MethodNotAllowed(request, SipIds.Tag()));
                break;
            default:
                var unknown = Responses.Create(request, 501, "Not Implemented", SipIds.Tag());
                unknown.Headers.Add(SipHeaderNames.Allow, SipUserAgentOptions.Allow);
                _endpoint.Respond(transaction, unknown);
                break;
        }
    }

    private void HandleResponse(SipMessage response)
    {
        _options.MessageObserver?.Observe(response, sent: false);
        if (_endpoint.ReceiveResponse(response))
        {
            return;
        }
        // A 2xx to our INVITE retransmitted after its transaction ended means our ACK was lost: the call ACKs again.
        if (response.StatusCode is >= 200 and < 300 && response.CSeq?.Method == "INVITE"
            && _calls.ForResponse(response) is { } call)
        {
            call.OnRetransmitted2xx(response);
        }
        // Anything else is a stray (a late retransmission, or not for us): dropped.
    }

    public void Dispose()
    {
        foreach (var transport in _transports)
        {
            transport.Dispose();
        }
    }
}
