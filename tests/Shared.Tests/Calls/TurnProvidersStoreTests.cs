using Azure.Data.Tables;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Shared.Tests.Calls;

/// <summary>A turn's providers and token counts stored in Azurite and read back; turns stored before them read as none.</summary>
public sealed class TurnProvidersStoreTests
{
    private static readonly DateTimeOffset Started = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task Turn_providers_with_their_failures_and_token_counts_read_back_as_stored()
    {
        await using var f = TestCallStorage.Create();
        await f.Store.CreateAsync(new CallRecord { CallId = "p1", RoomName = "call-p1", StartedAt = Started }).DefaultTimeout();
        var turn = new CallTurn
        {
            CallId = "p1", Sequence = 1, AgentText = "Добрый день",
            Providers = [new("stt", "yandex"), new("llm", "openai", "TimeoutException: no first token in 3 s"), new("llm", "gigachat"), new("tts", "cartesia")],
            InputTokens = 1_204, OutputTokens = 37,
        };

        Assert.True(await f.Store.AppendTurnAsync(turn).DefaultTimeout());
        var read = Assert.Single((await f.Store.GetDetailsAsync("p1").DefaultTimeout())!.Turns);

        Assert.Equal(turn.Providers, read.Providers);
        Assert.Equal((1_204L, 37L), (read.InputTokens, read.OutputTokens));
    }

    [SkippableFact]
    public async Task Turn_row_written_before_providers_were_carried_reads_with_none()
    {
        await using var f = TestCallStorage.Create();
        await f.Store.CreateAsync(new CallRecord { CallId = "old", RoomName = "call-old", StartedAt = Started }).DefaultTimeout();
        await f.Store.AppendTurnAsync(new CallTurn { CallId = "old", Sequence = 1, AgentText = "hi" }).DefaultTimeout();
        var rows = new List<TableEntity>();
        await foreach (var e in f.Table.QueryAsync<TableEntity>())
        {
            rows.Add(e);
        }
        var row = rows.Single(e => e.ContainsKey("Sequence"));
        Assert.False(row.ContainsKey("ProvidersJson")); // nothing to store: the column is left out, as on old rows

        var read = Assert.Single(await f.Store.GetTurnsAsync("old").DefaultTimeout());

        Assert.Empty(read.Providers);
        Assert.Null(read.InputTokens);
    }
}
