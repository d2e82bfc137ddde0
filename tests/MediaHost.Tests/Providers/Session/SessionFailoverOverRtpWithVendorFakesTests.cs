using VoiceFunctions.MediaHost.Providers.Failover;
using VoiceFunctions.MediaHost.Tests.Providers.Fakes;
using VoiceFunctions.TestSupport;
using Xunit.Abstractions;

namespace VoiceFunctions.MediaHost.Tests.Providers.Session;

/// <summary>
/// Failover during a live call over real SIP/RTP, through the vendor fakes (test doubles): every stage's primary
/// fake refuses (503), hangs past the first-result deadline, or drops its stream (STT after its first interim, the
/// LLM before its first token, TTS after its first audio); each stage's next provider (another vendor's fake) takes
/// the same turn, the caller hears the LLM's answer on its RTP with no apology, and the turn
/// records say which provider served and why the primary failed.
/// </summary>
[Collection(MeasurementCollection.Name)]
public sealed class SessionFailoverOverRtpWithVendorFakesTests(ITestOutputHelper output)
{
    public enum Failure { Refuses, Hangs, Drops }

    /// <summary>Each stage's chain: the primary on the failing fakes, the secondary another vendor's fake.</summary>
    private static readonly (string Stage, string Primary, string PrimaryKind, string Secondary, string SecondaryKind)[] Chains =
    [
        ("stt", "yandex-stt", "yandex", "deepgram-stt", "deepgram"),
        ("llm", "llm-primary", "openai-compatible", "llm-secondary", "openai-compatible"),
        ("tts", "yandex-tts", "yandex", "azure-tts", "azure-speech"),
    ];

    [SkippableTheory]
    [InlineData(Failure.Refuses, "ProviderException 503")]
    [InlineData(Failure.Hangs, "ProviderTimeoutException")]
    [InlineData(Failure.Drops, "ProviderException")]
    public async Task Fake_primaries_that_fail_mid_call_are_replaced_by_the_next_providers_and_the_caller_hears_the_answer(Failure failure, string why)
    {
        RequiredTool.Command("baresip", "scripts/install-test-deps.sh (Debian baresip-core)");
        await using var healthy = await VendorFakeServer.StartAsync();
        await using var failing = await VendorFakeServer.StartAsync(); // one vendor account down: every stage's primary fails alike
        failing.Script.Behaviour = failure switch
        {
            Failure.Refuses => FakeBehaviour.ServerError,
            Failure.Hangs => FakeBehaviour.SlowFirstResult,
            _ => FakeBehaviour.DropMidStream,
        };
        failing.Script.FirstResultDelay = TimeSpan.FromSeconds(30);
        IReadOnlyList<(string, string, VendorFakeServer)> Chain(string stage) => Chains.Where(c => c.Stage == stage)
            .SelectMany(c => new[] { (c.PrimaryKind, c.Primary, failing), (c.SecondaryKind, c.Secondary, healthy) }).ToList();
        await using var agent = FakeVendorAgent.Start(FakeVendorSettings.Russian(Chain("stt"), Chain("llm"), Chain("tts"), failing: true));
        using var caller = await RussianCaller.StartAsync();

        var (turn, wire) = await RussianDialogOverRtpWithVendorFakesTests.CallAsync(agent, caller, output);

        Assert.Equal(FakeScript.Transcript, turn.UserText);
        Assert.Equal(healthy.Script.LlmReply, turn.AgentText); // the answer, not the apology
        Assert.Null(turn.Error);
        Assert.True(wire.AnswerAudio >= TimeSpan.FromSeconds(0.9), wire.ToString());
        foreach (var (stage, primary, _, secondary, _) in Chains)
        {
            // The turn that met the failure (for TTS the greeting, its first use) records the primary's failure and
            // why, then the secondary serving the same stage; the primary never served.
            var uses = agent.Turns.SelectMany(t => t.Providers).Where(u => u.Stage == stage).ToList();
            var failed = uses.FindIndex(u => u.Provider == primary && !u.Served);
            Assert.True(failed >= 0, string.Join("; ", uses));
            Assert.StartsWith(why, uses[failed].Failure, StringComparison.Ordinal);
            Assert.Contains(uses.Skip(failed), u => u == new ProviderUse(stage, secondary));
            Assert.DoesNotContain(uses, u => u.Provider == primary && u.Served);
        }
    }
}
