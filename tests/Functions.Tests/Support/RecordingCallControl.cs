using System.Collections.Concurrent;
using VoiceFunctions.Functions.Activities;

namespace VoiceFunctions.Functions.Tests.Support;

/// <summary>Records the transfers and call ends the orchestration asks LiveKit for.</summary>
public sealed class RecordingCallControl : ICallControl
{
    public ConcurrentQueue<(string Room, string Identity, string To)> Transfers { get; } = new();
    public ConcurrentQueue<string> EndedRooms { get; } = new();
    public bool FailTransfers { get; set; }

    /// <summary>When set, a transfer is taken (recorded) at once but completes only when the gate does, as TransferSIPParticipant waits for the far end.</summary>
    public TaskCompletionSource? TransferGate { get; set; }

    public async Task TransferAsync(string roomName, string callerIdentity, string transferTo, CancellationToken ct)
    {
        if (FailTransfers)
        {
            throw new InvalidOperationException("transfer refused: SIP 603 Decline");
        }
        Transfers.Enqueue((roomName, callerIdentity, transferTo));
        if (TransferGate is { } gate)
        {
            await gate.Task.WaitAsync(ct);
        }
    }

    public Task EndCallAsync(string roomName, CancellationToken ct)
    {
        EndedRooms.Enqueue(roomName);
        return Task.CompletedTask;
    }
}
