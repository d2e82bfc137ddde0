using Azure.Data.Tables;
using VoiceFunctions.Shared.Calls.Timeline;

namespace VoiceFunctions.Shared.Calls;

/// <summary>The call's timeline rows: written into the call's own partition, read back merged with its turns.</summary>
public sealed partial class CallStore
{
    /// <summary>
    /// Stores a timeline entry unless one with its id is already there (the first write wins, so a retried
    /// webhook or activity keeps the time it first happened). Returns false for a repeat. The call's record
    /// need not exist yet: a webhook can arrive before the orchestration records the call.
    /// </summary>
    public async Task<bool> AppendTimelineAsync(string callId, CallTimelineEntry entry, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        return await AddIfAbsentAsync(CallTimelineEntityMapper.ToEntity(callId, entry), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores many entries whose content is fixed by their id (the MediaHost's SIP summary, repeated in later
    /// reports): upserts in batches of at most 100 (the Table transaction limit), so a repeat rewrites the
    /// same values and stores nothing new.
    /// </summary>
    public async Task AppendTimelineAsync(string callId, IReadOnlyCollection<CallTimelineEntry> entries, CancellationToken ct = default)
    {
        if (entries.Count == 0)
        {
            return;
        }
        await EnsureCreatedAsync(ct).ConfigureAwait(false);
        // A transaction may not touch one row twice: the last copy of an id wins.
        var rows = entries.GroupBy(e => e.EntryId, StringComparer.Ordinal).Select(g => g.Last());
        foreach (var chunk in rows.Chunk(100))
        {
            await _table.SubmitTransactionAsync(
                chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, CallTimelineEntityMapper.ToEntity(callId, e))),
                ct).ConfigureAwait(false);
        }
    }

    /// <summary>The call's timeline with its turns, oldest first; empty when nothing is known of the call.</summary>
    public async Task<IReadOnlyList<CallTimelineEntry>> GetTimelineAsync(string callId, CancellationToken ct = default)
    {
        var (_, turns, timeline) = await ReadCallPartitionAsync(callId, ct).ConfigureAwait(false);
        return CallTimeline.Merge(timeline, turns);
    }
}
