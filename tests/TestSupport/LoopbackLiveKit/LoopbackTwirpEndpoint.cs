using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.Shared.LiveKit.Api.Json;
using VoiceFunctions.Shared.LiveKit.Auth;

namespace VoiceFunctions.TestSupport.LoopbackLiveKit;

/// <summary>
/// The loopback server's HTTP handling, in LiveKit's order: injected faults; the API-key middleware
/// (plain-text 401 for a header without "Bearer ", an unparsable token, an unknown key or a token that
/// fails verification; no token at all passes with no grants); Twirp routing (bad_route for a non-POST,
/// an unknown method or a wrong Content-Type); decoding; the method's grant check; the handler.
/// </summary>
internal sealed class LoopbackTwirpEndpoint(LoopbackRouteTable routes, TokenVerifier verifier, LoopbackFaults faults, TimeProvider time, Action<LoopbackRecordedRequest> record)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _received = new(StringComparer.Ordinal);

    /// <summary>Requests whose handling has begun, per "Service/Method" (the log records them only when answered).</summary>
    public int Received(string method) => _received.GetValueOrDefault(method);

    public int ReceivedTotal => _received.Values.Sum();

    private const string TwirpPrefix = "/twirp/livekit.";
    private static readonly string[] Services = ["RoomService", "SIP", "Egress", "Ingress", "AgentDispatchService"];

    public async Task HandleAsync(HttpContext context)
    {
        var receivedAt = time.GetUtcNow();
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var body = buffer.ToArray();
        var path = request.Path.Value ?? "";
        var method = path.StartsWith(TwirpPrefix, StringComparison.Ordinal) ? path[TwirpPrefix.Length..] : path;
        _received.AddOrUpdate(method, 1, static (_, count) => count + 1);
        ClaimGrants? claims = null;
        var recorded = 0;
        // The log entry is written before the answer leaves (or the connection is dropped), so a client
        // that has its answer always finds its request in the log.
        void Record()
        {
            if (Interlocked.Exchange(ref recorded, 1) == 0)
            {
                record(new LoopbackRecordedRequest(request.Method, path, request.ContentType, request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
                    Encoding.UTF8.GetString(body), claims, context.Response.StatusCode, receivedAt,
                    request.Headers.UserAgent.ToString(), request.Headers["X-Livekit-Request-Id"].ToString(),
                    routes.RequestTypeOf(method) is { } requestType ? LoopbackUnknownFields.Find(body, requestType) : []));
            }
        }
        context.Response.OnStarting(() =>
        {
            Record();
            return Task.CompletedTask;
        });
        try
        {
            if (faults.Take(method) is { } fault && await ApplyFaultAsync(context, fault, Record).ConfigureAwait(false))
            {
                return;
            }
            if (!Authenticate(context, out claims, out var authError))
            {
                await WritePlainAsync(context, StatusCodes.Status401Unauthorized, authError).ConfigureAwait(false);
                return;
            }
            var service = method.Split('/')[0];
            if (!path.StartsWith(TwirpPrefix, StringComparison.Ordinal) || !Services.Contains(service))
            {
                // Outside the Twirp services the server's HTTP mux answers, in plain text.
                await WritePlainAsync(context, StatusCodes.Status404NotFound, "404 page not found").ConfigureAwait(false);
                return;
            }
            if (!HttpMethods.IsPost(request.Method))
            {
                throw new LoopbackTwirpException(TwirpErrorCode.BadRoute, $"unsupported method \"{request.Method}\" (only POST is allowed)");
            }
            if (!routes.TryGet(method, out var route))
            {
                throw new LoopbackTwirpException(TwirpErrorCode.BadRoute, $"no handler for path \"{path}\"");
            }
            var mediaType = (request.ContentType ?? "").Split(';')[0].Trim();
            if (!mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                throw new LoopbackTwirpException(TwirpErrorCode.BadRoute, $"unexpected Content-Type: \"{request.ContentType}\"");
            }
            var (response, type) = await route(body, claims, context.RequestAborted).ConfigureAwait(false);
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(response, type, LiveKitJson.Server), context.RequestAborted).ConfigureAwait(false);
        }
        catch (LoopbackTwirpException e)
        {
            await WriteTwirpErrorAsync(context, e.Code, e.Message, e.Meta).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (e.g. its attempt timed out during an injected delay).
        }
        finally
        {
            Record();
        }
    }

    private bool Authenticate(HttpContext context, out ClaimGrants? claims, out string error)
    {
        claims = null;
        error = "";
        var header = context.Request.Headers.Authorization.ToString();
        string token;
        if (header.Length > 0)
        {
            if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                error = "invalid authorization header. Must start with Bearer ";
                return false;
            }
            token = header["Bearer ".Length..];
        }
        else
        {
            token = context.Request.Query["access_token"].ToString();
        }
        if (token.Length == 0)
        {
            return true; // No token: no grants; every method then answers "permissions denied".
        }
        var result = verifier.Verify(token);
        if (result.IsValid)
        {
            claims = result.Claims;
            return true;
        }
        error = result.Error switch
        {
            TokenError.Malformed => "invalid authorization token",
            TokenError.UnknownApiKey => "invalid API key",
            // LiveKit echoes the rejected token here; clients must keep it out of their errors and logs.
            _ => $"invalid token: {token}, error: {result.Message}",
        };
        return false;
    }

    private static async Task<bool> ApplyFaultAsync(HttpContext context, LoopbackFault fault, Action recordBeforeDrop)
    {
        if (fault.Delay > TimeSpan.Zero)
        {
            await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
        }
        if (fault.DropConnection)
        {
            recordBeforeDrop();
            context.Abort();
            return true;
        }
        if (fault.TwirpError is { } code)
        {
            await WriteTwirpErrorAsync(context, code, fault.Message, fault.Meta).ConfigureAwait(false);
            return true;
        }
        if (fault.HttpStatus is { } status)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = fault.ContentType;
            await context.Response.WriteAsync(fault.Body, context.RequestAborted).ConfigureAwait(false);
            return true;
        }
        return false;
    }

    private static Task WritePlainAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text + "\n", context.RequestAborted);
    }

    private static Task WriteTwirpErrorAsync(HttpContext context, TwirpErrorCode code, string message, IReadOnlyDictionary<string, string>? meta)
    {
        context.Response.StatusCode = TwirpErrorCodes.HttpStatusOf(code);
        context.Response.ContentType = "application/json";
        var error = new Dictionary<string, object> { ["code"] = TwirpErrorCodes.ToWireName(code), ["msg"] = message };
        if (meta is { Count: > 0 })
        {
            error["meta"] = meta;
        }
        return context.Response.WriteAsync(JsonSerializer.Serialize(error), context.RequestAborted);
    }
}
