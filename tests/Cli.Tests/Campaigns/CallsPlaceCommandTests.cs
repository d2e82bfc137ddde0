using System.Text.Json;
using VoiceFunctions.Cli.Tests.Support;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Cli.Tests.Campaigns;

/// <summary>`voicectl calls place` (the real built voicectl) against the loopback double of the control plane's outbound API.</summary>
public sealed class CallsPlaceCommandTests
{
    private static Dictionary<string, string?> Environment(LoopbackOutboundApiDouble api) =>
        new(CorpusEnvironment.Variables) { ["VOICEFUNCTIONS_API_URL"] = api.ApiUrl, ["VOICEFUNCTIONS_API_KEY"] = api.Key };

    [Fact]
    public async Task Place_sends_the_call_with_its_variables_and_with_wait_exits_0_once_the_API_double_says_answered()
    {
        await using var api = await LoopbackOutboundApiDouble.StartAsync();

        var result = await VoicectlProcess.RunAsync(Environment(api), "calls", "place", "+15550001111", "--from", "+15550002222",
            "--var", "name=Ada", "--var", "slot=9:30", "--idempotency-key", "reminder-1", "--ring-timeout", "20", "--wait");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains("callId: call-out-0123456789abcdef0123", result.Output);
        Assert.Contains("dial: Answered (200 OK)", result.Output);
        var sent = JsonSerializer.Deserialize<PlaceCallRequest>(api.Requests.First().Body, Shared.Calls.CallsApiJson.Options)!;
        Assert.Equal(("+15550001111", "+15550002222", "reminder-1", 20), (sent.To, sent.From, sent.IdempotencyKey, sent.RingTimeoutSeconds));
        Assert.Equal(new Dictionary<string, string> { ["name"] = "Ada", ["slot"] = "9:30" }, sent.Variables);
        Assert.Equal(2, api.Requests.Count(r => r.PathAndQuery.EndsWith("/dial", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Place_with_wait_exits_1_when_the_callee_was_busy()
    {
        await using var api = await LoopbackOutboundApiDouble.StartAsync();
        api.Dial = new DialResult(DialOutcome.Busy, 486, "486 Busy Here");

        var result = await VoicectlProcess.RunAsync(Environment(api), "calls", "place", "+15550001111", "--wait");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("dial: Busy (486 Busy Here)", result.Output);
    }

    [Fact]
    public async Task A_variable_that_is_not_name_equals_value_is_a_usage_error_and_nothing_is_placed()
    {
        await using var api = await LoopbackOutboundApiDouble.StartAsync();

        var result = await VoicectlProcess.RunAsync(Environment(api), "calls", "place", "+15550001111", "--var", "Ada");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--var 'Ada' is not NAME=VALUE", result.Error);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Place_json_prints_one_schema_valid_object_with_how_dialling_ended_and_exits_as_the_text_form_does()
    {
        await using var api = await LoopbackOutboundApiDouble.StartAsync();
        api.Dial = new DialResult(DialOutcome.NoAnswer, 487, "487 Request Terminated");

        var waited = await VoicectlProcess.RunAsync(Environment(api), "calls", "place", "+15550001111", "--wait", "--json");
        var placed = await VoicectlProcess.RunAsync(Environment(api), "calls", "place", "+15550001111", "--output", "json");

        Assert.True(waited.ExitCode == ExitCodes.Failed, waited.ToString());
        var result = OutputSchema.AssertValid("calls-place", waited.Output);
        Assert.Equal("call-out-0123456789abcdef0123", result.GetProperty("callId").GetString());
        Assert.True(result.GetProperty("created").GetBoolean());
        var dial = result.GetProperty("dial");
        Assert.Equal(("no-answer", 487, "487 Request Terminated"), (dial.GetProperty("outcome").GetString(), dial.GetProperty("sipStatus").GetInt32(), dial.GetProperty("reason").GetString()));
        Assert.True(placed.ExitCode == ExitCodes.Ok, placed.ToString());
        Assert.False(OutputSchema.AssertValid("calls-place", placed.Output).TryGetProperty("dial", out _), "no dial result without --wait");
    }
}
