using System.Runtime.CompilerServices;
using VoiceFunctions.MediaHost.Providers.Recognition;
using VoiceFunctions.MediaHost.Providers.WebSockets;
using VoiceFunctions.MediaHost.Providers.Speech;

namespace VoiceFunctions.MediaHost.Providers.Deepgram;

/// <summary>
/// One utterance on a Deepgram socket. Frames go out as binary linear16 (never an empty frame: Deepgram closes on
/// one); <see cref="CompleteAsync"/> sends CloseStream, after which Deepgram sends its last results, Metadata and a
/// 1000 close, which ends <see cref="Results"/>. A server silent beyond the idle timeout after our last sent audio or its last message is a timeout.
/// </summary>
internal sealed class DeepgramRecognitionStream(VendorWebSocket socket, string provider, TimeSpan idleTimeout, TimeProvider time) : IRecognitionStream
{
    private const string CloseStream = """{"type":"CloseStream"}""";
    private byte[] _pcm = new byte[640];
    private StreamIdleDeadline? _idle;

    public async ValueTask WriteAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken)
    {
        if (frame.IsEmpty)
        {
            return;
        }
        var bytes = PcmEncoding.ToLittleEndian(frame.Span, ref _pcm);
        await socket.SendBinaryAsync(_pcm.AsMemory(0, bytes), cancellationToken).ConfigureAwait(false);
        Volatile.Read(ref _idle)?.Sent(); // the vendor's silence counts from audio actually sent
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await socket.SendTextAsync(CloseStream, cancellationToken).ConfigureAwait(false);
        Volatile.Read(ref _idle)?.Sent();
    }

    public async IAsyncEnumerable<RecognitionResult> Results([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var transcript = new DeepgramTranscript();
        using var deadline = new StreamIdleDeadline(provider, idleTimeout, time, cancellationToken);
        Volatile.Write(ref _idle, deadline);
        while (true)
        {
            ReadOnlyMemory<byte>? message;
            try
            {
                message = await socket.ReceiveTextAsync(deadline.Token).ConfigureAwait(false);
                deadline.MessageArrived();
            }
            catch (OperationCanceledException) when (deadline.Expired)
            {
                throw deadline.Timeout();
            }
            if (message is not { } json)
            {
                yield break; // 1000 after CloseStream
            }
            DeepgramMessage parsed;
            try
            {
                parsed = DeepgramMessage.Parse(json.Span);
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new ProviderException(provider, "malformed message: " + e.Message, isTransient: false, inner: e);
            }
            if (parsed.Type == DeepgramMessageType.Error)
            {
                throw new ProviderException(provider, "error frame: " + parsed.Description, isTransient: true);
            }
            if (transcript.Map(parsed) is { } result)
            {
                yield return result;
            }
        }
    }

    public ValueTask DisposeAsync() => socket.DisposeAsync();
}
