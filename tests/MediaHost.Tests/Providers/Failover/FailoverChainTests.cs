using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.CircuitBreaker;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Configuration;
using VoiceFunctions.MediaHost.Providers.Failover;
using VoiceFunctions.MediaHost.Tests.Providers.Conformance;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Providers.Failover;

/// <summary>The failover chain's rules, on in-process provider doubles.</summary>
public sealed class FailoverChainTests
{
    private static readonly FailoverOptions Fast = new() { FirstResultDeadlineMs = 300, MaxRetries = 1, RetryBaseDelayMs = 1, MaxRetryAfterMs = 500, ProbeIntervalSeconds = 3600 };

    private static ChainMember<ITextToSpeech> Member(string name, ITextToSpeech tts, FailoverOptions? options = null, Func<ITextToSpeech, CancellationToken, Task>? probe = null) =>
        new ProviderChainFactory(new HttpClient(), TimeProvider.System, NullLoggerFactory.Instance)
            .Member("tts", new ProviderOptions { Kind = name }, tts, probe ?? ((_, _) => Task.CompletedTask), options ?? Fast);

    private static FailoverTextToSpeech Chain(params ChainMember<ITextToSpeech>[] members) => new(members, Fast, TimeProvider.System, NullLogger.Instance);

    private static async Task<List<short[]>> Speak(ITextToSpeech tts)
    {
        var frames = new List<short[]>();
        await foreach (var f in tts.SynthesizeAsync("Добрый день.", "ru-RU", CancellationToken.None))
        {
            frames.Add(f);
        }
        return frames;
    }

    [Fact]
    public async Task A_failing_primary_is_marked_unhealthy_and_the_secondary_speaks_the_same_sentence()
    {
        var primary = Member("primary", new DoubleTextToSpeech(failure: new ProviderException("primary", "HTTP 503", isTransient: true, 503)));
        var secondary = new DoubleTextToSpeech();
        var frames = await Speak(Chain(primary, Member("secondary", secondary))).DefaultTimeout();

        Assert.Equal(10, frames.Count);
        Assert.False(primary.Health.IsHealthy);
        Assert.Equal(1, secondary.Calls);
    }

    [Fact]
    public async Task Every_provider_failing_is_one_all_providers_failed_exception_listing_each()
    {
        var chain = Chain(
            Member("a", new DoubleTextToSpeech(failure: new ProviderException("a", "HTTP 401", isTransient: false, 401))),
            Member("b", new DoubleTextToSpeech(failure: new ProviderException("b", "HTTP 500", isTransient: true, 500))));
        var e = await Assert.ThrowsAsync<AllProvidersFailedException>(() => Speak(chain)).DefaultTimeout();
        Assert.Equal(2, e.Failures.Count);
        Assert.Contains("HTTP 401", e.Message);
        Assert.Contains("HTTP 500", e.Message);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_on_the_same_provider_but_a_permanent_one_is_not()
    {
        var flaky = new FlakyTextToSpeech(failures: 1, new ProviderException("flaky", "HTTP 503", isTransient: true, 503));
        Assert.Equal(10, (await Speak(Chain(Member("flaky", flaky))).DefaultTimeout()).Count);
        Assert.Equal(2, flaky.Calls);

        var refused = new FlakyTextToSpeech(failures: 5, new ProviderException("refused", "HTTP 401", isTransient: false, 401));
        await Assert.ThrowsAsync<ProviderException>(() => Speak(Chain(Member("refused", refused)))).DefaultTimeout();
        Assert.Equal(1, refused.Calls);
    }

    [Fact]
    public async Task A_retry_after_longer_than_allowed_goes_to_the_next_provider_instead_of_waiting()
    {
        var limited = new FlakyTextToSpeech(failures: 5, new ProviderException("limited", "HTTP 429", isTransient: true, 429, retryAfter: TimeSpan.FromSeconds(30)));
        var frames = await Speak(Chain(Member("limited", limited), Member("next", new DoubleTextToSpeech()))).DefaultTimeout();
        Assert.Equal(10, frames.Count);
        Assert.Equal(1, limited.Calls);
    }

    [Fact]
    public void A_retry_after_within_the_limit_is_worth_retrying_and_a_missed_deadline_is_not()
    {
        var max = TimeSpan.FromMilliseconds(500);
        Assert.True(ProviderPipelines.IsWorthRetrying(new ProviderException("p", "429", true, 429, retryAfter: TimeSpan.FromMilliseconds(200)), max));
        Assert.False(ProviderPipelines.IsWorthRetrying(new ProviderException("p", "429", true, 429, retryAfter: TimeSpan.FromSeconds(2)), max));
        Assert.False(ProviderPipelines.IsWorthRetrying(new ProviderTimeoutException("p", TimeSpan.FromSeconds(1)), max));
    }

    [Fact]
    public async Task A_hung_primary_costs_one_first_result_deadline_then_the_secondary_speaks()
    {
        var primary = Member("hung", new HungTextToSpeech());
        var started = TimeProvider.System.GetTimestamp();
        var frames = await Speak(Chain(primary, Member("secondary", new DoubleTextToSpeech()))).DefaultTimeout();
        Assert.Equal(10, frames.Count);
        Assert.False(primary.Health.IsHealthy);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_tts_provider_breaking_after_its_first_frame_is_marked_unhealthy_and_the_next_speaks_the_sentence_again()
    {
        var secondary = new DoubleTextToSpeech();
        var breaks = Member("breaks", new BreaksAfterFirstFrame());
        var frames = await Speak(Chain(breaks, Member("secondary", secondary))).DefaultTimeout();

        Assert.Equal(1 + 10, frames.Count); // the frame already played, then the whole sentence from the secondary
        Assert.Equal(0, frames[0][0]);
        Assert.All(frames.Skip(1), f => Assert.Equal(DoubleTextToSpeech.Marker, f[0]));
        Assert.False(breaks.Health.IsHealthy);
    }

    [Fact]
    public async Task A_one_provider_tts_chain_breaking_after_its_first_frame_fails_with_that_providers_error()
    {
        var e = await Assert.ThrowsAsync<ProviderException>(() => Speak(Chain(Member("breaks", new BreaksAfterFirstFrame())))).DefaultTimeout();
        Assert.Equal("breaks", e.Provider);
    }

    [Fact]
    public async Task An_unhealthy_provider_is_probed_in_the_background_and_comes_back_first()
    {
        var probes = 0;
        var options = new FailoverOptions { FirstResultDeadlineMs = 300, MaxRetries = 0, ProbeIntervalSeconds = 1 };
        var primaryTts = new FlakyTextToSpeech(failures: 1, new ProviderException("primary", "HTTP 503", isTransient: true, 503));
        var primary = Member("primary", primaryTts, options, (_, _) =>
        {
            Interlocked.Increment(ref probes);
            return Task.CompletedTask;
        });
        var secondary = new DoubleTextToSpeech();
        var chain = Chain(primary, Member("secondary", secondary, options));
        await Speak(chain).DefaultTimeout();
        Assert.False(primary.Health.IsHealthy);

        await primary.Health.Probing.DefaultTimeout();
        Assert.True(primary.Health.IsHealthy);
        Assert.Equal(1, probes);
        await Speak(chain).DefaultTimeout();
        Assert.Equal(2, primaryTts.Calls); // healthy again: first in line
        Assert.Equal(1, secondary.Calls);
    }

    [Fact]
    public async Task The_circuit_breaker_opens_after_repeated_failures_and_the_provider_is_not_called()
    {
        var options = new FailoverOptions { MaxRetries = 0, BreakerMinimumThroughput = 2, BreakerFailureRatio = 0.5, ProbeIntervalSeconds = 3600 };
        var broken = new FlakyTextToSpeech(failures: 100, new ProviderException("broken", "HTTP 500", isTransient: true, 500));
        var member = Member("broken", broken, options);
        var chain = new FailoverTextToSpeech([member], options, TimeProvider.System, NullLogger.Instance);
        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<ProviderException>(() => Speak(chain)).DefaultTimeout();
        }
        var e = await Assert.ThrowsAsync<AllProvidersFailedException>(() => Speak(chain)).DefaultTimeout();
        Assert.IsType<BrokenCircuitException>(e.Failures.Single());
        Assert.Equal(2, broken.Calls);
    }

    private sealed class FlakyTextToSpeech(int failures, ProviderException failure) : ITextToSpeech
    {
        public int Calls;

        public async IAsyncEnumerable<short[]> SynthesizeAsync(string text, string language, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            if (Interlocked.Increment(ref Calls) <= failures)
            {
                throw failure;
            }
            for (var i = 0; i < 10; i++)
            {
                yield return new short[320];
            }
        }
    }

    private sealed class HungTextToSpeech : ITextToSpeech
    {
        public async IAsyncEnumerable<short[]> SynthesizeAsync(string text, string language, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            yield break;
        }
    }

    private sealed class BreaksAfterFirstFrame : ITextToSpeech
    {
        public async IAsyncEnumerable<short[]> SynthesizeAsync(string text, string language, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            yield return new short[320];
            throw new ProviderException("breaks", "the socket dropped mid-stream", isTransient: true);
        }
    }
}
