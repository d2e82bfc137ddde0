using System.Collections.Concurrent;
using VoiceFunctions.MediaHost.Providers.WebSockets;

namespace VoiceFunctions.MediaHost.Providers.Cartesia;

/// <summary>
/// Cartesia's sockets kept open between sentences: the vendor's socket carries many contexts (one per sentence), so a
/// sentence borrows an idle socket instead of paying a handshake, and gives it back once its context is done. A
/// socket carries one context at a time here, so the pool holds about as many sockets as sentences are spoken at once
/// (a call speaks one sentence at a time). Sockets idle longer than <see cref="MaxIdle"/> are closed rather than
/// reused (the vendor closes idle sockets after 5 minutes).
/// </summary>
public sealed class CartesiaSocketPool(TimeProvider time) : IAsyncDisposable
{
    /// <summary>Below the vendor's 5-minute idle close, so a borrowed socket is rarely one it is closing.</summary>
    public static readonly TimeSpan MaxIdle = TimeSpan.FromMinutes(4);

    private readonly ConcurrentStack<(VendorWebSocket Socket, long IdleSince)> _idle = new();

    /// <summary>Sockets waiting for a sentence (tests read it).</summary>
    public int IdleCount => _idle.Count;

    /// <summary>An idle socket that has not been idle too long, or null; stale ones are closed on the way.</summary>
    public async ValueTask<VendorWebSocket?> TryRentAsync()
    {
        while (_idle.TryPop(out var entry))
        {
            if (time.GetElapsedTime(entry.IdleSince) < MaxIdle)
            {
                return entry.Socket;
            }
            await entry.Socket.DisposeAsync().ConfigureAwait(false);
        }
        return null;
    }

    /// <summary>Gives back a socket whose context completed (a socket that failed or was cancelled is disposed instead).</summary>
    public void Return(VendorWebSocket socket) => _idle.Push((socket, time.GetTimestamp()));

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryPop(out var entry))
        {
            await entry.Socket.DisposeAsync().ConfigureAwait(false);
        }
    }
}
