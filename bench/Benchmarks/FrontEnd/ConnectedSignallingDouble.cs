using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Benchmarks.FrontEnd;

/// <summary>
/// A test double of a call's SIP leg that is simply connected (PCMU, send-receive) until <see cref="End"/>: the
/// barge-in runs need real RTP media under the agent, not SIP, which the SIP tests cover with sipp and baresip.
/// </summary>
public sealed class ConnectedSignallingDouble(string callId) : ISipCallSignalling
{
    private readonly TaskCompletionSource<CallEnded> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string CallId { get; } = callId;

    public string Codec => "PCMU/8000";

    public bool HasEnded => _ended.Task.IsCompleted;

    public bool MaySendAudio => !HasEnded;

    public bool IsConnected => !HasEnded;

    public Task<CallEnded> Ended => _ended.Task;

#pragma warning disable CS0067 // no SIP INFO digits in these runs
    public event Action<DtmfDigit>? DtmfReceived;
#pragma warning restore CS0067

    public void End() => _ended.TrySetResult(new CallEnded(CallEndReason.CallerHangUp, 200, "caller hung up"));

    public Task HangUpAsync(CallEndReason reason, CancellationToken cancellationToken)
    {
        _ended.TrySetResult(new CallEnded(reason, 200, "hung up"));
        return Task.CompletedTask;
    }

    public Task<TransferResult> TransferAsync(string target, CancellationToken cancellationToken) =>
        Task.FromResult(new TransferResult(false, 501, "no transfers in this double"));

    public Task<bool> SendDtmfInfoAsync(char digit, TimeSpan duration, CancellationToken cancellationToken) => Task.FromResult(false);

    public void EndFromMedia(CallEnded ended) => _ended.TrySetResult(ended);
}
