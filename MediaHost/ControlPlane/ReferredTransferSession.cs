using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Quality;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.ControlPlane;

/// <summary>
/// Direct mode's call session: everything goes to the SIP call, and a transfer by REFER on the caller's own leg that
/// the far end completed (NOTIFY sipfrag 2xx) is remembered with its target, so the call's hangup report can say where
/// the caller went (the control plane records it as the call's transfer target).
/// </summary>
public sealed class ReferredTransferSession(ICallSession inner) : ICallSession
{
    private string? _transferredTo;

    /// <summary>The target of the transfer that completed on this call; null while none did.</summary>
    public string? TransferredTo => Volatile.Read(ref _transferredTo);

    public InboundCall Call => inner.Call;

    public Task<CallEnded> Ended => inner.Ended;

    public ValueTask<bool> ReadFrameAsync(Memory<short> destination, CancellationToken cancellationToken) => inner.ReadFrameAsync(destination, cancellationToken);

    public ValueTask WriteFrameAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken) => inner.WriteFrameAsync(frame, cancellationToken);

    public int ClearPlayback() => inner.ClearPlayback();

    public int CallerFramesQueued => inner.CallerFramesQueued;

    public bool AttachEchoReference(IMediaAudioTap? sink) => inner.AttachEchoReference(sink);

    public IAsyncEnumerable<DtmfDigit> DtmfDigits(CancellationToken cancellationToken) => inner.DtmfDigits(cancellationToken);

    public Task<bool> SendDtmfAsync(char digit, TimeSpan duration, CancellationToken cancellationToken) => inner.SendDtmfAsync(digit, duration, cancellationToken);

    public Task HangUpAsync(CallEndReason reason, CancellationToken cancellationToken) => inner.HangUpAsync(reason, cancellationToken);

    public async Task<TransferResult> TransferAsync(string target, CancellationToken cancellationToken)
    {
        var result = await inner.TransferAsync(target, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            Volatile.Write(ref _transferredTo, target);
        }
        return result;
    }

    public MediaQualityCounters? ReadQuality() => inner.ReadQuality();

    public void AttachAudioTap(IMediaAudioTap? tap) => inner.AttachAudioTap(tap);
}
