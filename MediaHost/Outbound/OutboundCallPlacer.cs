using System.Collections.Concurrent;
using System.Net;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.ControlPlane;
using VoiceFunctions.MediaHost.Outbound.Amd;
using VoiceFunctions.MediaHost.Sip.Auth;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.MediaHost.Outbound;

/// <summary>
/// Direct mode's outbound calls: dials the callee through the trunk, waits for the answer (or gives up at the ring
/// timeout with a CANCEL), and hands the answered call to the same call handler an inbound call gets — reported to the
/// control plane under the control plane's call id. Answers how dialling ended as a <see cref="DialResult"/>.
/// </summary>
public sealed class OutboundCallPlacer(
    Func<SipUserAgent?> userAgent,
    ICallHandler handler,
    OutboundDialOptions options,
    Func<string, string?> environment,
    ILogger<OutboundCallPlacer> logger,
    TimeProvider time,
    CallEventReporter? reporter = null)
{
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<DialResult>>> _dials = new(StringComparer.Ordinal);

    /// <summary>How long a dial's result is kept for a repeated request with the same call id.</summary>
    public static readonly TimeSpan DialMemory = TimeSpan.FromMinutes(15);

    /// <summary>Answered calls whose handler is still running.</summary>
    public int RunningCalls => _running.Count;

    /// <summary>
    /// Dials once per call id: a repeated request (the control plane's dial activity ran again, e.g. after its host
    /// restarted mid-dial) joins the dial under way or gets its result instead of ringing the callee again. The dial
    /// goes on when the requester goes away; <paramref name="cancellationToken"/> only stops this request's wait.
    /// </summary>
    public Task<DialResult> DialAsync(DialCommand command, CancellationToken cancellationToken)
    {
        var dial = _dials.GetOrAdd(command.CallId, _ => new Lazy<Task<DialResult>>(() => DialOnceAsync(command)));
        return dial.Value.WaitAsync(cancellationToken);
    }

    private async Task<DialResult> DialOnceAsync(DialCommand command)
    {
        try
        {
            return await DialCoreAsync(command, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _ = ForgetAsync(command.CallId);
        }
    }

    private async Task ForgetAsync(string callId)
    {
        await Task.Delay(DialMemory, time).ConfigureAwait(false);
        _dials.TryRemove(callId, out _);
    }

    private async Task<DialResult> DialCoreAsync(DialCommand command, CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return new DialResult(DialOutcome.Failed, null, "outbound calling is not configured on this MediaHost (Outbound:Trunk)");
        }
        if (userAgent() is not { } agent)
        {
            return new DialResult(DialOutcome.Failed, null, "SIP is not running");
        }
        var trunk = IPEndPoint.Parse(options.Trunk);
        var domain = options.Domain.Length > 0 ? options.Domain : trunk.ToString();
        var target = $"sip:{command.To}@{domain}" + (options.Transport is "tcp" or "tls" ? ";transport=" + options.Transport : "");
        var credentials = options.Username.Length > 0 ? new DigestCredentials(options.Username, environment(options.PasswordEnvironmentVariable) ?? "") : null;
        var request = new SipOutboundCallRequest(target, trunk, command.From ?? options.DefaultFrom, credentials, options.MediaEncryption);

        using var ringTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(Math.Clamp(command.RingTimeoutSeconds, 1, options.MaxRingSeconds)), time);
        using var ring = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, ringTimeout.Token);
        ICallSession session;
        try
        {
            session = await agent.PlaceCallAsync(request, ring.Token).ConfigureAwait(false);
        }
        catch (SipCallFailedException e)
        {
            OutboundLog.DialFailed(logger, command.CallId, e.Status);
            return DialResult.FromSip(e.Status, ReasonOf(e));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            OutboundLog.NoAnswer(logger, command.CallId);
            return new DialResult(DialOutcome.NoAnswer, 487, "no answer before the ring timeout (CANCEL sent)");
        }

        var answeredBy = AnsweredBy.Unknown;
        if (options.AmdAction != AmdAction.Off)
        {
            var verdict = await CallAmd.DetectAsync(session, options.Amd, cancellationToken).ConfigureAwait(false);
            if (verdict is not { } v)
            {
                return new DialResult(DialOutcome.Rejected, 200, "the callee hung up during answering-machine detection");
            }
            answeredBy = v.AnsweredBy;
            OutboundLog.AmdDecided(logger, command.CallId, v.AnsweredBy, v.AfterMs, v.Why);
            if (v.AnsweredBy == AnsweredBy.Machine && options.AmdAction == AmdAction.HangUp)
            {
                await session.HangUpAsync(CallEndReason.AgentHangUp, cancellationToken).ConfigureAwait(false);
                return new DialResult(DialOutcome.Machine, 200, $"answered by a machine ({v.Why}, after {v.AfterMs} ms)");
            }
            if (v.AnsweredBy == AnsweredBy.Machine && !v.BeepHeard)
            {
                await CallAmd.WaitForBeepAsync(session, options.Amd, cancellationToken).ConfigureAwait(false);
            }
        }
        var description = Describe(session.Call, command, answeredBy);
        reporter?.UseCallId(session.Call.CallId, command.CallId);
        OutboundLog.Answered(logger, command.CallId, session.Call.Codec);
        _running[command.CallId] = RunAsync(new AnsweredOutboundCall(session, description), command.CallId);
        return new DialResult(DialOutcome.Answered, 200, answeredBy == AnsweredBy.Unknown ? "200 OK" : $"200 OK, answered by a {answeredBy.ToString().ToLowerInvariant()}");
    }

    /// <summary>Runs the call handler on the answered call (its own task: the dial request has already been answered).</summary>
    private async Task RunAsync(AnsweredOutboundCall call, string callId)
    {
        await Task.Yield();
        try
        {
            await handler.HandleAsync(call, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            OutboundLog.HandlerFailed(logger, callId, e.GetType().Name);
            await call.RejectAsync(500, "handler failed", CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _running.TryRemove(callId, out _);
        }
    }

    private static InboundCall Describe(InboundCall call, DialCommand command, AnsweredBy answeredBy)
    {
        var headers = new Dictionary<string, string>(call.SipHeaders, StringComparer.OrdinalIgnoreCase)
        {
            [AgentCallHeaders.CallId] = command.CallId,
            [OutboundCallHeaders.Direction] = "outbound",
            [OutboundCallHeaders.AnsweredBy] = answeredBy.ToString().ToLowerInvariant(),
        };
        foreach (var (name, value) in command.Variables)
        {
            headers[OutboundCallHeaders.VariablePrefix + name] = value;
        }
        return call with { SipHeaders = headers };
    }

    private static string ReasonOf(SipCallFailedException e)
    {
        const string prefix = "call failed: ";
        var text = e.Message.StartsWith(prefix, StringComparison.Ordinal) ? e.Message[prefix.Length..] : e.Message;
        var status = e.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return text.StartsWith(status, StringComparison.Ordinal) ? text[status.Length..].Trim() : text;
    }
}
