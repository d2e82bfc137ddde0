using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Quality;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.ControlPlane;

/// <summary>
/// LiveKit mode's call session: everything goes to the SIP call, except a transfer. Our leg comes from LiveKit SIP, not
/// from the caller, so a REFER on it would move the MediaHost's own leg. Instead the transfer is asked of the control
/// plane (an agent event with the target), which transfers the caller's SIP participant with TransferSIPParticipant;
/// the MediaHost holds no LiveKit secret and needs none for this. The agent then leaves the call, which is reported as
/// ended by the transfer.
/// </summary>
public sealed class ControlPlaneTransferSession(ICallSession inner, CallEventReporter reporter) : ICallSession
{
    private int _transferRequested;

    /// <summary>Whether the agent asked for a transfer on this call.</summary>
    public bool TransferRequested => Volatile.Read(ref _transferRequested) == 1;

    public InboundCall Call => inner.Call;

    public Task<CallEnded> Ended => inner.Ended;

    public ValueTask<bool> ReadFrameAsync(Memory<short> destination, CancellationToken cancellationToken) => inner.ReadFrameAsync(destination, cancellationToken);

    public ValueTask WriteFrameAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken) => inner.WriteFrameAsync(frame, cancellationToken);

    public int ClearPlayback() => inner.ClearPlayback();

    public int CallerFramesQueued => inner.CallerFramesQueued;

    public bool AttachEchoReference(IMediaAudioTap? sink) => inner.AttachEchoReference(sink);

    public IAsyncEnumerable<DtmfDigit> DtmfDigits(CancellationToken cancellationToken) => inner.DtmfDigits(cancellationToken);

    public Task<bool> SendDtmfAsync(char digit, TimeSpan duration, CancellationToken cancellationToken) => inner.SendDtmfAsync(digit, duration, cancellationToken);

    /// <summary>After a transfer was asked for, our leg's hang-up is the transfer's, whatever reason the agent gives.</summary>
    public Task HangUpAsync(CallEndReason reason, CancellationToken cancellationToken) =>
        inner.HangUpAsync(TransferRequested ? CallEndReason.Transferred : reason, cancellationToken);

    public Task<TransferResult> TransferAsync(string target, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _transferRequested, 1) == 0)
        {
            reporter.TransferRequested(inner.Call.CallId, target);
        }
        return Task.FromResult(new TransferResult(true, null, "asked of the control plane (TransferSIPParticipant on the caller's participant)"));
    }

    public MediaQualityCounters? ReadQuality() => inner.ReadQuality();

    public void AttachAudioTap(IMediaAudioTap? tap) => inner.AttachAudioTap(tap);
}
