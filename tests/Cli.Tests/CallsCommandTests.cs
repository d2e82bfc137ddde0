using VoiceFunctions.Cli.Tests.Support;

namespace VoiceFunctions.Cli.Tests;

public class CallsCommandTests
{
    private static Dictionary<string, string?> Environment(LoopbackCallsApi api, string? key = null) => new(CorpusEnvironment.Variables)
    {
        ["VOICEFUNCTIONS_API_URL"] = api.ApiUrl,
        ["VOICEFUNCTIONS_API_KEY"] = key ?? api.Key,
    };

    [Fact]
    public async Task List_prints_the_days_calls_newest_first_in_80_columns()
    {
        await using var api = await LoopbackCallsApi.StartAsync();
        var started = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        api.AddCall("CA_first", "+79990000001", "Completed", started, 850);
        api.AddCall("CA_second", "+79990000002", "InProgress", started.AddMinutes(5));

        var result = await VoicectlProcess.RunAsync(Environment(api), "calls", "list");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("2 calls on 2026-11-25", lines[0]);
        Assert.StartsWith("2026-11-25 09:05:00  CA_second", lines[2]);
        Assert.Contains("InProgress", lines[2]);
        Assert.Matches(@"^2026-11-25 09:00:00\s+CA_first\s+\+79990000001\s+Completed\s+850 ms$", lines[3]);
        Assert.All(lines, l => Assert.True(l.Length <= 80, l));
    }

    [Fact]
    public async Task Show_prints_the_record_and_its_turns()
    {
        await using var api = await LoopbackCallsApi.StartAsync();
        api.AddCall("CA_first", "+79990000001", "Completed", DateTimeOffset.UnixEpoch.AddYears(56), 850);

        var result = await VoicectlProcess.RunAsync(Environment(api), "calls", "show", "CA_first");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains("callId: CA_first", result.Output);
        Assert.Contains("duration: 42.5 s", result.Output);
        Assert.Contains("1. caller: Здравствуйте, хочу записаться", result.Output);
        Assert.Contains("     agent: Записал [780 ms] (interrupted)", result.Output);
    }

    [Fact]
    public async Task Unknown_call_and_wrong_key_fail_with_the_APIs_reason()
    {
        await using var api = await LoopbackCallsApi.StartAsync();

        var missing = await VoicectlProcess.RunAsync(Environment(api), "calls", "show", "CA_nope");
        var refused = await VoicectlProcess.RunAsync(Environment(api, key: "wrong"), "calls", "list");

        Assert.Equal(ExitCodes.Failed, missing.ExitCode);
        Assert.Contains("HTTP 404: no call with that id", missing.Error);
        Assert.Equal(ExitCodes.Failed, refused.ExitCode);
        Assert.Contains("HTTP 401: the API key is not valid", refused.Error);
    }

    [Fact]
    public async Task Tail_prints_new_calls_and_outcome_changes_as_they_happen()
    {
        await using var api = await LoopbackCallsApi.StartAsync();
        var started = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        api.AddCall("CA_old", "+79990000001", "Completed", started);

        var tail = VoicectlProcess.RunAsync(Environment(api), "calls", "tail", "--interval", "0.2", "--max", "3", "--for", "60");
        await api.WaitForListRequestsAsync(after: 0, count: 1);
        api.AddCall("CA_new", "+79990000003", "InProgress", started.AddMinutes(1));
        await api.WaitForListRequestsAsync(after: api.ListRequests, count: 2);
        api.SetOutcome("CA_new", "Completed", started.AddMinutes(3));
        var result = await tail;

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var rows = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        Assert.Equal(3, rows.Length);
        Assert.Contains("CA_old", rows[0]);
        Assert.Contains("CA_new", rows[1]);
        Assert.Contains("InProgress", rows[1]);
        Assert.Contains("CA_new", rows[2]);
        Assert.Contains("Completed", rows[2]);
    }
}
