using VoiceFunctions.Cli.Tests.Support;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Cli.Tests;

/// <summary>`voicectl calls` against a loopback server answering with the control plane's own response types and JSON options.</summary>
public class CallsCommandTests
{
    private static readonly DateTimeOffset Started = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string?> Environment(LoopbackCallsApi api, string? key = null) => new(CorpusEnvironment.Variables)
    {
        ["VOICEFUNCTIONS_API_URL"] = api.ApiUrl,
        ["VOICEFUNCTIONS_API_KEY"] = key ?? api.Key,
    };

    [Fact]
    public async Task List_prints_the_days_calls_newest_first_in_80_columns()
    {
        await using var api = await LoopbackCallsApi.StartAsync();
        api.AddCall("CA_first", "+79990000001", CallOutcome.Completed, Started, 850);
        api.AddCall("CA_second", "+79990000002", CallOutcome.InProgress, Started.AddMinutes(5));

        var result = await VoicectlProcess.RunAsync(Environment(api), "calls", "list");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("2 calls on 2026-11-25", lines[0]);
        Assert.Matches(@"^2026-11-25 09:05:00\s+CA_second\s+\+79990000002\s+in\s+InProgress\s+-$", lines[2]);
        Assert.Matches(@"^2026-11-25 09:00:00\s+CA_first\s+\+79990000001\s+in\s+Completed\s+850 ms$", lines[3]);
        Assert.All(lines, l => Assert.True(l.Length <= 80, l));
    }

    [Fact]
    public async Task Show_prints_the_record_and_its_turns()
    {
        await using var api = await LoopbackCallsApi.StartAsync();
        api.AddCall("CA_first", "+79990000001", CallOutcome.InProgress, Started, 850);
        api.AddTurn("CA_first", 1, "Здравствуйте, хочу записаться", "Добрый день! На какой день?", 910);
        api.AddTurn("CA_first", 2, "На пятницу", "Записал", 780, interrupted: true);
        api.End("CA_first", CallOutcome.Completed, Started.AddSeconds(42.5));

        var result = await VoicectlProcess.RunAsync(Environment(api), "calls", "show", "CA_first");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains("callId: CA_first", result.Output);
        Assert.Contains("calledNumber: +79952227978", result.Output);
        Assert.Contains("outcome: Completed", result.Output);
        Assert.Contains("endReason: CallerHangUp", result.Output);
        Assert.Contains("agent answered after: 850 ms", result.Output);
        Assert.Contains("duration: 42.5 s", result.Output);
        Assert.Contains("turns (2):", result.Output);
        Assert.Contains("1. caller: Здравствуйте, хочу записаться", result.Output);
        Assert.Contains("     agent: Записал [780 ms] (interrupted)", result.Output);
    }

    [Fact]
    public async Task Show_prints_the_recordings_short_lived_link_when_the_call_was_recorded()
    {
        await using var api = await LoopbackCallsApi.StartAsync();
        api.AddCall("CA_rec", "+79990000001", CallOutcome.Completed, Started, 850);
        api.AddCall("CA_plain", "+79990000002", CallOutcome.Completed, Started, 850);
        var link = new Uri("https://calls.blob.core.windows.net/recordings/calls/CA_rec.ogg?sv=2025-01-05&se=2026-11-25T09%3A15%3A00Z&sr=b&sp=r&sig=abc");
        api.AddRecording("CA_rec", link, Started.AddMinutes(15));

        var recorded = await VoicectlProcess.RunAsync(Environment(api), "calls", "show", "CA_rec");
        var plain = await VoicectlProcess.RunAsync(Environment(api), "calls", "show", "CA_plain");

        Assert.True(recorded.ExitCode == ExitCodes.Ok, recorded.ToString());
        Assert.Contains($"recording link (until 2026-11-25 09:15:00Z): {link}", recorded.Output);
        Assert.True(plain.ExitCode == ExitCodes.Ok, plain.ToString());
        Assert.DoesNotContain("recording link", plain.Output);
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
    public async Task Tail_prints_new_calls_their_turns_as_they_appear_and_the_outcome_change()
    {
        await using var api = await LoopbackCallsApi.StartAsync();
        api.AddCall("CA_old", "+79990000001", CallOutcome.InProgress, Started);
        api.AddTurn("CA_old", 1, "old question", "old answer", 700);
        api.End("CA_old", CallOutcome.Completed, Started.AddMinutes(1));

        var tail = VoicectlProcess.RunAsync(Environment(api), "calls", "tail", "--interval", "0.2", "--max", "5", "--for", "60");
        await api.WaitForListRequestsAsync(after: 0, count: 1);
        api.AddCall("CA_new", "+79990000003", CallOutcome.InProgress, Started.AddMinutes(2));
        await api.WaitForListRequestsAsync(after: api.ListRequests, count: 2);
        api.AddTurn("CA_new", 1, "Здравствуйте", "Добрый день!", 910);
        await api.WaitForListRequestsAsync(after: api.ListRequests, count: 2);
        api.AddTurn("CA_new", 2, "До свидания", "Всего доброго", 640, interrupted: true);
        api.End("CA_new", CallOutcome.Completed, Started.AddMinutes(3));
        var result = await tail;

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        Assert.Equal(7, lines.Length);
        Assert.Matches(@"CA_old\s+\+79990000001\s+in\s+Completed", lines[0]);
        Assert.Matches(@"CA_new\s+\+79990000003\s+in\s+InProgress", lines[1]);
        Assert.Equal("  CA_new turn 1 caller: Здравствуйте", lines[2]);
        Assert.Equal("  CA_new turn 1 agent: Добрый день! [910 ms]", lines[3]);
        Assert.Equal("  CA_new turn 2 caller: До свидания", lines[4]);
        Assert.Equal("  CA_new turn 2 agent: Всего доброго [640 ms] (interrupted)", lines[5]);
        Assert.Matches(@"CA_new\s+\+79990000003\s+in\s+Completed", lines[6]);
        Assert.DoesNotContain("old answer", result.Output);
        Assert.All(lines, l => Assert.True(l.Length <= 80, l));
    }
}
