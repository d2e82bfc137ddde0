using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Tests.Media.Interop;

/// <summary>The built-in echo behaviour, recording what the MediaHost decoded (16 kHz) and the DTMF it heard.</summary>
internal sealed class RecordingEchoHandler : ICallHandler
{
    private readonly EchoAnsweringHandler _echo = new();

    public List<short> Heard { get; } = [];

    public List<DtmfDigit> Digits { get; } = [];

    public TaskCompletionSource<CallEnded> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task HandleAsync(IIncomingCall call, CancellationToken cancellationToken) => _echo.HandleAsync(new Recording(call, this), cancellationToken);

    private sealed class Recording(IIncomingCall inner, RecordingEchoHandler owner) : IIncomingCall
    {
        public InboundCall Call => inner.Call;

        public async Task<ICallSession> AnswerAsync(CancellationToken cancellationToken)
        {
            var session = await inner.AnswerAsync(cancellationToken);
            _ = session.Ended.ContinueWith(t => owner.Ended.TrySetResult(t.Result), TaskScheduler.Default);
            _ = Task.Run(async () =>
            {
                await foreach (var digit in session.DtmfDigits(CancellationToken.None))
                {
                    lock (owner.Digits) owner.Digits.Add(digit);
                }
            });
            return new Session(session, owner);
        }

        public Task RejectAsync(int sipStatus, string reason, CancellationToken cancellationToken) => inner.RejectAsync(sipStatus, reason, cancellationToken);
    }

    private sealed class Session(ICallSession inner, RecordingEchoHandler owner) : ICallSession
    {
        public InboundCall Call => inner.Call;

        public Task<CallEnded> Ended => inner.Ended;

        public async ValueTask<bool> ReadFrameAsync(Memory<short> destination, CancellationToken cancellationToken)
        {
            var ok = await inner.ReadFrameAsync(destination, cancellationToken);
            if (ok)
            {
                lock (owner.Heard) owner.Heard.AddRange(destination.Span[..AudioFormat.SamplesPerFrame].ToArray());
            }
            return ok;
        }

        public ValueTask WriteFrameAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken) => inner.WriteFrameAsync(frame, cancellationToken);

        public int ClearPlayback() => inner.ClearPlayback();

        public IAsyncEnumerable<DtmfDigit> DtmfDigits(CancellationToken cancellationToken) => AsyncEnumerable.Empty<DtmfDigit>();

        public Task<bool> SendDtmfAsync(char digit, TimeSpan duration, CancellationToken cancellationToken) => inner.SendDtmfAsync(digit, duration, cancellationToken);

        public Task HangUpAsync(VoiceFunctions.Shared.Calls.CallEndReason reason, CancellationToken cancellationToken) => inner.HangUpAsync(reason, cancellationToken);

        public Task<TransferResult> TransferAsync(string target, CancellationToken cancellationToken) => inner.TransferAsync(target, cancellationToken);
    }
}
