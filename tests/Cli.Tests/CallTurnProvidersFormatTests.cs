using VoiceFunctions.Cli.Calls;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Cli.Tests;

/// <summary>`voicectl calls show` prints under each turn which providers served it (and which failed, why) and its token counts.</summary>
public sealed class CallTurnProvidersFormatTests
{
    private static readonly CallRecord Record = new() { CallId = "CA_p", RoomName = "call-CA_p", StartedAt = DateTimeOffset.UnixEpoch };

    [Fact]
    public void Turn_shows_its_providers_the_failed_one_with_why_and_its_tokens()
    {
        var turn = new CallTurn
        {
            CallId = "CA_p", Sequence = 1, CallerText = "hello", AgentText = "hi",
            Providers = [new("stt", "yandex"), new("llm", "openai", "TimeoutException: no first token"), new("llm", "gigachat")],
            InputTokens = 812, OutputTokens = 64,
        };

        var lines = CallFormatter.Details(new CallDetailsResponse(Record, null, null, [turn])).ToList();

        Assert.Contains("     providers: stt: yandex; llm: openai failed (TimeoutException: no first token); llm: gigachat | tokens: 812 in, 64 out", lines);
    }

    [Fact]
    public void Turn_without_providers_or_tokens_adds_no_line()
    {
        var turn = new CallTurn { CallId = "CA_p", Sequence = 1, CallerText = "hello", AgentText = "hi" };

        var lines = CallFormatter.Details(new CallDetailsResponse(Record, null, null, [turn])).ToList();

        Assert.Equal("     agent: hi", lines[^1]);
    }
}
