using System.Runtime.CompilerServices;
using Google.Protobuf;
using Grpc.Core;
using VoiceFunctions.MediaHost.Providers.Recognition;
using VoiceFunctions.MediaHost.Providers.Yandex.SttV3;
using VoiceFunctions.MediaHost.Providers.Speech;

namespace VoiceFunctions.MediaHost.Providers.Yandex;

/// <summary>
/// One utterance on a RecognizeStreaming call. "partial" becomes an interim, a non-empty "final" a final (the raw
/// text: finals are not held for their normalised refinement, which would add latency); eou_update and status_code
/// carry no text. Completing the request stream lets the server finish its last final and end the call with OK.
/// </summary>
internal sealed class YandexRecognitionStream(AsyncDuplexStreamingCall<StreamingRequest, StreamingResponse> call, string provider, TimeSpan idleTimeout, TimeProvider time)
    : IRecognitionStream
{
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly TaskCompletionSource<ProviderException> _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private byte[] _pcm = new byte[640];
    private StreamIdleDeadline? _idle;

    public async ValueTask WriteAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken)
    {
        if (frame.IsEmpty)
        {
            return;
        }
        var bytes = PcmEncoding.ToLittleEndian(frame.Span, ref _pcm);
        await _send.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The chunk is serialised before WriteAsync completes, so the reused buffer may be wrapped, not copied.
            var chunk = new StreamingRequest { Chunk = new AudioChunk { Data = UnsafeByteOperations.UnsafeWrap(_pcm.AsMemory(0, bytes)) } };
            await call.RequestStream.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
            Volatile.Read(ref _idle)?.Sent(); // the vendor's silence counts from audio actually sent
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is RpcException or InvalidOperationException or IOException or HttpRequestException or HttpProtocolException)
        {
            throw await FailureAsync(e).ConfigureAwait(false);
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>
    /// Why a write failed. The response side carries the server's status; a write into a call the server already
    /// ended may only see "cancelled", so the reader's verdict is preferred when it comes within a second.
    /// </summary>
    private async Task<ProviderException> FailureAsync(Exception e)
    {
        try
        {
            return await _failed.Task.WaitAsync(TimeSpan.FromSeconds(1), time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return await YandexAuth.FromEndedCallAsync(provider, call, e, time).ConfigureAwait(false);
        }
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await _send.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
            Volatile.Read(ref _idle)?.Sent();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is RpcException or InvalidOperationException or IOException or HttpRequestException or HttpProtocolException)
        {
            throw await FailureAsync(e).ConfigureAwait(false);
        }
        finally
        {
            _send.Release();
        }
    }

    public async IAsyncEnumerable<RecognitionResult> Results([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var deadline = new StreamIdleDeadline(provider, idleTimeout, time, cancellationToken);
        Volatile.Write(ref _idle, deadline);
        while (true)
        {
            StreamingResponse response;
            try
            {
                if (!await call.ResponseStream.MoveNext(deadline.Token).ConfigureAwait(false))
                {
                    yield break;
                }
                response = call.ResponseStream.Current;
                deadline.MessageArrived();
            }
            catch (RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.Cancelled && deadline.Expired)
            {
                throw TimedOut(deadline);
            }
            catch (RpcException e) when (!(e.StatusCode == Grpc.Core.StatusCode.Cancelled && cancellationToken.IsCancellationRequested))
            {
                var failure = YandexAuth.ToProviderException(provider, e);
                _failed.TrySetResult(failure);
                throw failure;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is IOException or HttpRequestException or HttpProtocolException)
            {
                var failure = new ProviderException(provider, "the connection dropped mid-stream", isTransient: true, inner: e);
                _failed.TrySetResult(failure);
                throw failure;
            }
            catch (OperationCanceledException) when (deadline.Expired)
            {
                throw TimedOut(deadline);
            }
            switch (response.EventCase)
            {
                case StreamingResponse.EventOneofCase.Partial when response.Partial.Alternatives.Count > 0 && response.Partial.Alternatives[0].Text.Length > 0:
                    yield return RecognitionResult.Interim(response.Partial.Alternatives[0].Text);
                    break;
                case StreamingResponse.EventOneofCase.Final when response.Final.Alternatives.Count > 0 && response.Final.Alternatives[0].Text.Length > 0:
                    yield return RecognitionResult.Final(response.Final.Alternatives[0].Text);
                    break;
            }
        }
    }

    /// <summary>The idle timeout, also handed to a writer whose write fails because the expiry cancelled the call.</summary>
    private ProviderTimeoutException TimedOut(StreamIdleDeadline deadline)
    {
        var timeout = deadline.Timeout();
        _failed.TrySetResult(timeout);
        return timeout;
    }

    public ValueTask DisposeAsync()
    {
        call.Dispose();
        _send.Dispose();
        return ValueTask.CompletedTask;
    }
}
