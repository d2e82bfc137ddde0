using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace VoiceFunctions.Shared.LiveKit.Auth;

/// <summary>
/// Reusable HMAC-SHA256 state for one key. Setting up a fresh HMAC context costs about as much as
/// hashing a whole token, so verifiers keep a few keyed instances and reset them between uses.
/// Thread-safe: each caller takes an instance out of the pool for the duration of one hash.
/// </summary>
internal sealed class HmacSha256Pool(byte[] key)
{
    private const int MaxPooled = 16;
    private readonly ConcurrentQueue<IncrementalHash> _pool = new();

    public void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (!_pool.TryDequeue(out var hmac))
        {
            hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        }
        hmac.AppendData(data);
        hmac.GetHashAndReset(destination);
        if (_pool.Count < MaxPooled)
        {
            _pool.Enqueue(hmac);
        }
        else
        {
            hmac.Dispose();
        }
    }
}
