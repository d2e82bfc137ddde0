using System.Text;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;

namespace VoiceFunctions.Shared.Tests.Calls;

/// <summary>A turn report's providers and token counts: carried as sent, and each kind of bad entry refused with its own reason.</summary>
public sealed class TurnProvidersParsingTests
{
    private static AgentEventMessage TurnEvent(CallTurn turn) => new()
    {
        Id = "mh-c1-turn-1", CallId = "c1", Type = AgentEventType.Turn, OccurredAt = DateTimeOffset.UnixEpoch, Turn = turn,
    };

    private static CallTurn Turn(params CallTurnProvider[] providers) => new() { CallId = "c1", Sequence = 1, Providers = providers };

    [Fact]
    public void Providers_and_token_counts_are_carried_as_sent()
    {
        var sent = Turn(new("stt", "yandex"), new("llm", "openai", "HttpRequestException: 503"), new("llm", "gigachat"), new("tts", "cartesia"))
            with { InputTokens = 812, OutputTokens = 64 };

        var parsed = AgentEventParser.TryParse(AgentEventParser.Serialize(TurnEvent(sent)), "c1", out var problem);

        Assert.Null(problem);
        Assert.Equal(sent.Providers, parsed!.Turn!.Providers);
        Assert.Equal((812L, 64L), (parsed.Turn.InputTokens, parsed.Turn.OutputTokens));
    }

    [Fact]
    public void A_turn_from_a_MediaHost_that_sends_no_providers_parses_with_none()
    {
        var body = Encoding.UTF8.GetBytes("""{"id":"mh-c1-turn-1","callId":"c1","type":"turn","occurredAt":"2026-12-07T00:00:00Z","turn":{"callId":"c1","sequence":1}}""");

        var parsed = AgentEventParser.TryParse(body, "c1", out var problem);

        Assert.Null(problem);
        Assert.Empty(parsed!.Turn!.Providers);
        Assert.Null(parsed.Turn.InputTokens);
    }

    public static TheoryData<CallTurn, string> BadTurns => new()
    {
        { Turn(new CallTurnProvider("asr", "yandex")), "a turn provider's stage must be stt, llm or tts (got 'asr')" },
        { Turn(new CallTurnProvider("stt", "")), "a turn provider needs a provider name" },
        { Turn(new CallTurnProvider("stt", new string('p', CallTurnProvider.MaxProviderLength + 1))), "a turn provider's name is at most 100 characters" },
        { Turn(new CallTurnProvider("llm", "openai", "")), "a turn provider's failure, when given, must not be empty" },
        { Turn(new CallTurnProvider("llm", "openai", new string('x', CallTurnProvider.MaxFailureLength + 1))), "a turn provider's failure is at most 1000 characters" },
        { Turn([.. Enumerable.Repeat(new CallTurnProvider("tts", "cartesia"), CallTurnProvider.MaxPerTurn + 1)]), "a turn carries at most 24 providers" },
        { Turn(new CallTurnProvider[] { null! }), "a turn provider entry is null" },
        { Turn() with { InputTokens = -1 }, "a turn's inputTokens must not be negative" },
        { Turn() with { OutputTokens = -5 }, "a turn's outputTokens must not be negative" },
    };

    [Theory]
    [MemberData(nameof(BadTurns))]
    public void Bad_provider_or_token_entry_is_refused_with_its_reason(CallTurn turn, string reason)
    {
        var parsed = AgentEventParser.TryParse(AgentEventParser.Serialize(TurnEvent(turn)), "c1", out var problem);

        Assert.Null(parsed);
        Assert.Equal(reason, problem);
    }

    [Fact]
    public void Providers_given_as_null_are_refused_as_not_a_list()
    {
        var body = Encoding.UTF8.GetBytes("""{"id":"mh-c1-turn-1","callId":"c1","type":"turn","occurredAt":"2026-12-07T00:00:00Z","turn":{"callId":"c1","sequence":1,"providers":null}}""");

        Assert.Null(AgentEventParser.TryParse(body, "c1", out var problem));
        Assert.Equal("a turn's providers, when given, must be a list", problem);
    }
}
