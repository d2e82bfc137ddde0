namespace VoiceFunctions.Shared.LiveKit.Webhooks;

/// <summary>
/// Reads a request body into memory, stopping one byte past the limit so an oversized (or lying
/// Content-Length) request is refused without buffering all of it.
/// </summary>
public static class WebhookBodyReader
{
    /// <returns>The body, or null when it is larger than <paramref name="maxBytes"/>.</returns>
    public static async Task<byte[]?> ReadAsync(Stream body, long? contentLength, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        if (contentLength > maxBytes)
        {
            return null;
        }
        var buffer = new MemoryStream(contentLength is > 0 and var length ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
