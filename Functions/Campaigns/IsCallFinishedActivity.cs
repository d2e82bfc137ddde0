using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>
/// Whether an answered call's record is finalized (its own orchestration writes it when the call ends): until then the
/// call holds its place in the campaign's concurrency. A call not recorded yet is still running.
/// </summary>
public sealed class IsCallFinishedActivity(CallStore calls) : CallActivity<string, bool>
{
    public override async Task<bool> ExecuteAsync(string input, CancellationToken ct) =>
        await calls.GetAsync(input, ct).ConfigureAwait(false) is { IsOpen: false };
}
