using Grpc.Core;
using VoiceFunctions.MediaHost.Providers.Configuration;

namespace VoiceFunctions.MediaHost.Providers.Yandex;

/// <summary>Yandex SpeechKit's call metadata and its gRPC statuses as <see cref="ProviderException"/>s.</summary>
public static class YandexAuth
{
    /// <summary>"authorization: Api-Key …" (or "Bearer …" for an IAM token given as "Bearer &lt;token&gt;"), and x-folder-id when set.</summary>
    public static Metadata Headers(ProviderOptions options)
    {
        var headers = new Metadata
        {
            { "authorization", options.ApiKey.StartsWith("Bearer ", StringComparison.Ordinal) ? options.ApiKey : "Api-Key " + options.ApiKey },
        };
        if (options.FolderId.Length > 0)
        {
            headers.Add("x-folder-id", options.FolderId);
        }
        return headers;
    }

    /// <summary>
    /// A write or complete that failed because the server already ended the call: the call's own status says why
    /// (UNAUTHENTICATED, UNAVAILABLE…), where the write's exception may only say "cancelled". A refused call ends
    /// with trailers only, so its response headers or its first read fail with the real status; each waited for at most
    /// a second.
    /// </summary>
    public static async Task<ProviderException> FromEndedCallAsync<TRequest, TResponse>(string provider, AsyncDuplexStreamingCall<TRequest, TResponse> call, Exception e, TimeProvider time)
    {
        try
        {
            await call.ResponseHeadersAsync.WaitAsync(TimeSpan.FromSeconds(1), time).ConfigureAwait(false);
        }
        catch (RpcException status)
        {
            return ToProviderException(provider, status);
        }
        catch (TimeoutException)
        {
        }
        try
        {
            // A trailers-only refusal can race the write: the write sees the stream reset ("cancelled") and the
            // headers succeed before the status is read; reading the response surfaces the server's status.
            await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(1), time).ConfigureAwait(false);
        }
        catch (RpcException status) when (status.StatusCode != StatusCode.Cancelled)
        {
            return ToProviderException(provider, status);
        }
        catch (Exception read) when (read is RpcException or TimeoutException or InvalidOperationException)
        {
            // Cancelled, slow, or a reader already owns the response stream: the call's own status decides below.
        }
        try
        {
            return ToProviderException(provider, new RpcException(call.GetStatus(), call.GetTrailers()));
        }
        catch (InvalidOperationException)
        {
            return e is RpcException rpc ? ToProviderException(provider, rpc) : new ProviderException(provider, "the call ended: " + e.Message, isTransient: true, inner: e);
        }
    }

    /// <summary>The vendor's gRPC status with its HTTP equivalent; transient for UNAVAILABLE, RESOURCE_EXHAUSTED, INTERNAL, DEADLINE_EXCEEDED; CANCELLED is ours (499).</summary>
    public static ProviderException ToProviderException(string provider, RpcException e)
    {
        var (http, transient) = e.StatusCode switch
        {
            StatusCode.InvalidArgument => (400, false),
            StatusCode.Unauthenticated => (401, false),
            StatusCode.PermissionDenied => (403, false),
            StatusCode.ResourceExhausted => (429, true),
            StatusCode.Unimplemented => (501, false),
            StatusCode.Internal => (500, true),
            StatusCode.Unavailable => (503, true),
            StatusCode.DeadlineExceeded => (504, true),
            // gRPC .NET reports our own cancellation or disposal of a call as CANCELLED: not the vendor's failure.
            StatusCode.Cancelled => (Failover.VendorFault.OurCancellation, true),
            _ => (500, true),
        };
        var retryAfter = e.Trailers.GetValue("retry-after") is { } value ? Http.ProviderHttp.ParseRetryAfterSeconds(value) : null;
        return new ProviderException(provider, $"gRPC {e.StatusCode}: {e.Status.Detail}", transient, http, e, retryAfter);
    }
}
