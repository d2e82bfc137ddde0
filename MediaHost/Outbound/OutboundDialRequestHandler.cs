using System.Text;
using System.Text.Json;
using VoiceFunctions.MediaHost.ControlPlane;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.MediaHost.Outbound;

/// <summary>
/// POST /calls/outbound from the control plane: checks the signature (the AgentEvents key the MediaHost already shares
/// with the control plane), reads the <see cref="DialCommand"/>, dials, and answers the <see cref="DialResult"/>.
/// Every refusal says why, without echoing the body.
/// </summary>
public sealed class OutboundDialRequestHandler(OutboundCallPlacer placer, ControlPlaneOptions? keys, TimeProvider time, ILogger<OutboundDialRequestHandler> logger)
{
    public const string Path = "/calls/outbound";
    public const int MaxBodyBytes = 16 * 1024;

    public async Task<OutboundDialAnswer> HandleAsync(string? signature, byte[] body, CancellationToken cancellationToken)
    {
        if (keys is null || keys.Secret.Length == 0)
        {
            return Refuse(404, "outbound calls need the control plane's key (ControlPlane / AgentEvents settings)");
        }
        if (body.Length > MaxBodyBytes)
        {
            return Refuse(413, $"the body is over {MaxBodyBytes} bytes");
        }
        var secret = Encoding.UTF8.GetBytes(keys.Secret);
        var verdict = BodySignature.Verify(signature, body, kid => kid == keys.KeyId ? secret : null, time.GetUtcNow());
        if (verdict != SignatureVerdict.Valid)
        {
            return Refuse(401, "signature " + verdict.ToString().ToLowerInvariant());
        }
        DialCommand? command;
        try
        {
            command = JsonSerializer.Deserialize<DialCommand>(body, CallsApiJson.Options);
        }
        catch (JsonException e)
        {
            return Refuse(400, $"not a dial command: invalid JSON at {e.Path ?? "$"}");
        }
        if (Problem(command) is { } problem)
        {
            return Refuse(400, problem);
        }
        var result = await placer.DialAsync(command!, cancellationToken).ConfigureAwait(false);
        return new OutboundDialAnswer(200, result, null);
    }

    private static string? Problem(DialCommand? c) =>
        c is null ? "the body is empty"
        : c.CallId is null || !AgentCallHeaders.IsValidCallId(c.CallId) ? "callId: missing or not a valid call id"
        : c.To is not { Length: >= 8 and <= 16 } || c.To[0] != '+' || c.To.AsSpan(1).IndexOfAnyExceptInRange('0', '9') >= 0 ? "to: an E.164 number is required"
        : c.From is { } from && (from.Length is 0 or > 64 || from.AsSpan().IndexOfAny("@:;<> ") >= 0) ? "from: a number or SIP user without '@', ':', ';', '<', '>' or spaces"
        : c.RingTimeoutSeconds is < 1 or > 300 ? "ringTimeoutSeconds: from 1 to 300"
        : c.Variables is null ? "variables: required (may be empty)"
        : null;

    private OutboundDialAnswer Refuse(int status, string why)
    {
        OutboundLog.RequestRefused(logger, why);
        return new OutboundDialAnswer(status, null, why);
    }
}
