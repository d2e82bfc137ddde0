using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Configuration;
using VoiceFunctions.MediaHost.Providers.Failover;
using VoiceFunctions.MediaHost.Tests.Providers.Conformance;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Providers.Failover;

/// <summary>The per-call journal the turn records read: what the chains write into it, and only for the call that opened it.</summary>
public sealed class ProviderJournalTests
{
    private static readonly FailoverOptions Fast = new() { FirstResultDeadlineMs = 2000, MaxRetries = 0, ProbeIntervalSeconds = 3600 };

    private static FailoverTextToSpeech Chain(params (string Name, ITextToSpeech Tts)[] members)
    {
        var factory = new ProviderChainFactory(new HttpClient(), TimeProvider.System, NullLoggerFactory.Instance);
        return new FailoverTextToSpeech([.. members.Select(m => factory.Member("tts", new ProviderOptions { Kind = m.Name }, m.Tts, (_, _) => Task.CompletedTask, Fast))],
            Fast, TimeProvider.System, NullLogger.Instance);
    }

    private static async Task SpeakAsync(ITextToSpeech tts)
    {
        await foreach (var _ in tts.SynthesizeAsync("Да.", "ru-RU", CancellationToken.None))
        {
        }
    }

    [Fact]
    public async Task The_journal_names_the_failed_provider_with_its_status_then_the_one_that_served_and_is_emptied_when_taken()
    {
        var chain = Chain(("primary", new DoubleTextToSpeech(failure: new ProviderException("primary", "HTTP 503", isTransient: true, 503))), ("secondary", new DoubleTextToSpeech()));
        var journal = await Task.Run(async () =>
        {
            var opened = ProviderJournal.Open();
            await SpeakAsync(chain);
            return opened;
        }).DefaultTimeout();

        Assert.Equal([new("tts", "primary", "ProviderException 503: primary: HTTP 503"), new("tts", "secondary")], journal.TakeEntries());
        Assert.Empty(journal.TakeEntries());
    }

    [Fact]
    public async Task Calls_without_a_journal_and_other_calls_write_nothing_into_a_calls_journal()
    {
        var chain = Chain(("only", new DoubleTextToSpeech()));
        var mine = await Task.Run(ProviderJournal.Open);
        await Task.Run(() => SpeakAsync(chain)).DefaultTimeout(); // another flow, no journal
        await Task.Run(async () =>
        {
            var other = ProviderJournal.Open();
            await SpeakAsync(chain);
            Assert.Single(other.TakeEntries());
        }).DefaultTimeout();

        Assert.Empty(mine.TakeEntries());
    }
}
