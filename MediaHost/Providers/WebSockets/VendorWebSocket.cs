using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using VoiceFunctions.MediaHost.Providers.Http;

namespace VoiceFunctions.MediaHost.Providers.WebSockets;

/// <summary>
/// The WebSocket shell of the streaming vendors (Deepgram, ElevenLabs): connect with the auth header under the
/// attempt deadline (a refused upgrade becomes a <see cref="ProviderException"/> with its HTTP status and
/// Retry-After), serialised sends, whole text messages received into a reused buffer, and close codes mapped to
/// failures (1000 is the normal end; 1011 is transient, 1008 is not; a dropped socket is transient).
/// </summary>
public sealed class VendorWebSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly string _provider;
    private readonly SemaphoreSlim _send = new(1, 1);
    private byte[] _receive = ArrayPool<byte>.Shared.Rent(16 * 1024);

    private VendorWebSocket(ClientWebSocket socket, string provider)
    {
        _socket = socket;
        _provider = provider;
    }

    public static async Task<VendorWebSocket> ConnectAsync(string provider, Uri uri, IReadOnlyDictionary<string, string> headers, TimeSpan attemptTimeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        foreach (var (name, value) in headers)
        {
            socket.Options.SetRequestHeader(name, value);
        }
        using var timeout = new CancellationTokenSource(attemptTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await socket.ConnectAsync(uri, linked.Token).ConfigureAwait(false);
            return new VendorWebSocket(socket, provider);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new ProviderTimeoutException(provider, attemptTimeout);
        }
        catch (WebSocketException e)
        {
            var status = (int)socket.HttpStatusCode;
            string? retryAfter = null;
            if (socket.HttpResponseHeaders?.TryGetValue("Retry-After", out var values) == true)
            {
                retryAfter = values.FirstOrDefault();
            }
            var error = socket.HttpResponseHeaders?.TryGetValue("dg-error", out var dgError) == true ? dgError.FirstOrDefault() : null;
            socket.Dispose();
            if (status == 0)
            {
                throw new ProviderException(provider, "connection failed: " + e.WebSocketErrorCode, isTransient: true, inner: e);
            }
            throw new ProviderException(provider, $"upgrade refused: HTTP {status} {(HttpStatusCode)status}{(error is null ? "" : " " + error)}",
                ProviderException.IsTransientStatus(status), status, e, ProviderHttp.ParseRetryAfterSeconds(retryAfter));
        }
    }

    public async ValueTask SendBinaryAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await _send.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(data, WebSocketMessageType.Binary, true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsDrop(e, cancellationToken))
        {
            throw Dropped(e);
        }
        finally
        {
            _send.Release();
        }
    }

    public ValueTask SendTextAsync(string json, CancellationToken cancellationToken) => SendTextAsync(Encoding.UTF8.GetBytes(json), cancellationToken);

    public async ValueTask SendTextAsync(ReadOnlyMemory<byte> utf8, CancellationToken cancellationToken)
    {
        await _send.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(utf8, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsDrop(e, cancellationToken))
        {
            throw Dropped(e);
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>
    /// The next whole text message (valid until the next call), or null after a normal close (1000).
    /// Another close code throws a <see cref="ProviderException"/> carrying the code and the vendor's reason.
    /// </summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReceiveTextAsync(CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            ValueWebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(_receive.AsMemory(length), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsDrop(e, cancellationToken))
            {
                throw Dropped(e);
            }
            if (result.MessageType == WebSocketMessageType.Close)
            {
                var code = (int?)_socket.CloseStatus ?? 1005;
                if (code == 1000)
                {
                    return null;
                }
                var reason = _socket.CloseStatusDescription ?? "";
                throw new ProviderException(_provider, $"closed with {code} {reason}", isTransient: code is 1011 or 1012 or 1013 or 1001 or 1006, statusCode: code);
            }
            length += result.Count;
            if (result.EndOfMessage)
            {
                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    length = 0;
                    continue; // the vendors here send JSON only; a stray binary frame carries nothing for us
                }
                return _receive.AsMemory(0, length);
            }
            if (length == _receive.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(_receive.Length * 2);
                _receive.AsSpan().CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_receive);
                _receive = larger;
            }
        }
    }

    /// <summary>
    /// The connection failed under us, not by our cancellation. A socket whose other direction failed is aborted, so
    /// a concurrent send or receive then ends with an <see cref="OperationCanceledException"/> (or
    /// <see cref="ObjectDisposedException"/>) although nobody cancelled it: that is the vendor's drop too, and must
    /// fail over rather than end the turn as a cancellation.
    /// </summary>
    private static bool IsDrop(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && e is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException;

    private ProviderException Dropped(Exception e) => new(_provider, "the socket dropped mid-stream", isTransient: true, inner: e);

    public ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        _send.Dispose();
        var buffer = Interlocked.Exchange(ref _receive, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return ValueTask.CompletedTask;
    }
}
