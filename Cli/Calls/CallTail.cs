using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Cli.Calls;

/// <summary>
/// One `calls tail` session: each poll reports calls that are new or whose outcome changed, and the turns
/// of followed calls (open ones, and a call once more when it ends, for its last turns) not reported yet.
/// How a call or a turn is shown (text rows, JSON lines) is the caller's.
/// </summary>
public sealed class CallTail(CallsApiClient client, Action<CallSummary> printCall, Action<string, CallTurn> printTurn, int maxRows)
{
    /// <summary>The first poll shows only this many of the newest calls.</summary>
    private const int FirstPollCalls = 20;

    private readonly Dictionary<string, string> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lastTurns = new(StringComparer.Ordinal);
    private bool _polledOnce;

    public int Printed { get; private set; }

    public bool Done => Printed >= maxRows;

    public async Task PollAsync(CancellationToken cancellationToken)
    {
        var page = await client.ListAsync(null, 100, null, cancellationToken);
        var calls = page.Calls.Reverse().ToArray(); // oldest first, so the newest ends up last on screen
        var quietBefore = _polledOnce ? 0 : calls.Length - FirstPollCalls;
        for (var i = 0; i < calls.Length && !Done; i++)
        {
            var call = calls[i];
            var state = call.Outcome + "|" + call.EndedAt?.ToString("O");
            var changed = !_states.TryGetValue(call.CallId, out var previous) || previous != state;
            _states[call.CallId] = state;
            var shown = i >= quietBefore;
            var open = call.Outcome == CallOutcome.InProgress;
            // A call that was already over before the tail began is not followed; one that ends while followed is read once more.
            var follow = shown && (open || (changed && _polledOnce));
            if (changed && shown && open)
            {
                Print(call);
            }
            if (follow)
            {
                await PrintNewTurnsAsync(call.CallId, cancellationToken);
            }
            if (changed && shown && !open)
            {
                Print(call);
            }
        }
        _polledOnce = true;
    }

    private async Task PrintNewTurnsAsync(string callId, CancellationToken cancellationToken)
    {
        var details = await client.GetAsync(callId, cancellationToken);
        var last = _lastTurns.GetValueOrDefault(callId);
        foreach (var turn in details.Turns.Where(t => t.Sequence > last).OrderBy(t => t.Sequence))
        {
            if (Done)
            {
                return;
            }
            printTurn(callId, turn);
            Printed++;
            _lastTurns[callId] = turn.Sequence;
        }
    }

    private void Print(CallSummary call)
    {
        if (!Done)
        {
            printCall(call);
            Printed++;
        }
    }
}
