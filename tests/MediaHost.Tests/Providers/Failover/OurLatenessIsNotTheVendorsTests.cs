using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Configuration;
using VoiceFunctions.MediaHost.Providers.Failover;
using VoiceFunctions.MediaHost.Providers.Recognition;
using VoiceFunctions.MediaHost.Providers.Yandex;
using VoiceFunctions.MediaHost.Tests.Providers.Conformance;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Providers.Failover;

/// <summary>
/// A provider's breaker and health count only the vendor's own failures: a vendor double that answers in time while
/// our consumer is stalled (on a fake clock) must not be blamed, however many calls share its breaker.
/// </summary>
public sealed class OurLatenessIsNotTheVendorsTests
{
    private static readonly FailoverOptions Options = new()
    {
        FirstResultDeadlineMs = 1500, MaxRetries = 0, ProbeIntervalSeconds = 3600, BreakerMinimumThroughput = 2, BreakerFailureRatio = 0.5,
    };

    private readonly FakeTimeProvider _time = new();

    private ChainMember<T> Member<T>(string name, T provider) =>
        new ProviderChainFactory(new HttpClient(), _time, NullLoggerFactory.Instance)
            .Member("stt", new ProviderOptions { Kind = name }, provider, (_, _) => Task.CompletedTask, Options);

    [Fact]
    public async Task A_vendor_double_answering_in_time_while_our_reader_is_stalled_keeps_its_turns_its_health_and_a_closed_breaker()
    {
        var vendor = new TimedRecognizerDouble(_time, finalAfter: TimeSpan.FromMilliseconds(100));
        var primary = Member<IStreamingSpeechToText>("vendor", vendor);
        var other = new DoubleSpeechToText("другой");
        var chain = new FailoverSpeechToText([primary, Member<IStreamingSpeechToText>("other", other)], Options, _time, NullLogger.Instance);

        for (var turn = 0; turn < 6; turn++)
        {
            await using var stream = await chain.StartAsync(RecognitionRequest.For("ru-RU"), CancellationToken.None);
            await stream.WriteAsync(new short[320], CancellationToken.None);
            await stream.CompleteAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromMilliseconds(100)); // the vendor's final is there, in time
            _time.Advance(TimeSpan.FromSeconds(5)); // our reader is not scheduled until well past the 1.5 s deadline

            var final = await FirstFinalAsync(stream).DefaultTimeout();

            Assert.Equal(TimedRecognizerDouble.Text, final);
        }
        Assert.True(primary.Health.IsHealthy);
        Assert.Equal(6, vendor.Starts); // six turns, the breaker never opened
        Assert.Equal(0, other.SamplesHeard);
    }

    [Fact]
    public async Task A_silent_vendor_whose_deadline_we_observe_on_time_is_still_marked_unhealthy_and_the_next_provider_answers()
    {
        var silent = Member<IStreamingSpeechToText>("silent", new TimedRecognizerDouble(_time, finalAfter: null));
        var chain = new FailoverSpeechToText([silent, Member<IStreamingSpeechToText>("other", new DoubleSpeechToText("другой"))], Options, _time, NullLogger.Instance);
        await using var stream = await chain.StartAsync(RecognitionRequest.For("ru-RU"), CancellationToken.None);
        await stream.WriteAsync(new short[320], CancellationToken.None);
        await stream.CompleteAsync(CancellationToken.None);
        var final = FirstFinalAsync(stream);

        _time.Advance(Options.FirstResultDeadline);

        Assert.Equal("другой", await final.DefaultTimeout());
        Assert.False(silent.Health.IsHealthy);
    }

    [Fact]
    public async Task Timeouts_of_our_own_lateness_never_open_the_breaker_but_vendor_errors_do()
    {
        var pipeline = ProviderPipelines.Create("stt", "vendor", Options, _time, NullLogger.Instance);
        for (var i = 0; i < 10; i++)
        {
            await Assert.ThrowsAsync<ProviderTimeoutException>(async () => await pipeline.ExecuteAsync(
                _ => throw new ProviderTimeoutException("vendor", TimeSpan.FromSeconds(1), ourLateness: true), CancellationToken.None));
        }
        Assert.Equal(1, await pipeline.ExecuteAsync(_ => ValueTask.FromResult(1), CancellationToken.None)); // still closed

        var outage = ProviderPipelines.Create("stt", "vendor", Options, _time, NullLogger.Instance);
        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<ProviderException>(async () => await outage.ExecuteAsync(
                _ => throw new ProviderException("vendor", "HTTP 503", isTransient: true, 503), CancellationToken.None));
        }
        await Assert.ThrowsAsync<Polly.CircuitBreaker.BrokenCircuitException>(async () => await outage.ExecuteAsync(_ => ValueTask.FromResult(1), CancellationToken.None));
    }

    [Theory]
    [InlineData(503, true)]
    [InlineData(429, true)]
    [InlineData(null, true)] // connection refused or reset: transient without a status
    [InlineData(VendorFault.OurCancellation, false)] // gRPC CANCELLED: our own cancellation of the call
    public void Vendor_statuses_and_dropped_connections_count_against_the_vendor(int? status, bool counted) =>
        Assert.Equal(counted, VendorFault.IsVendorSide(new ProviderException("v", "failed", isTransient: true, status)));

    [Fact]
    public void A_grpc_call_cancelled_by_our_side_is_not_counted_but_unavailable_is()
    {
        var cancelled = YandexAuth.ToProviderException("yandex-stt", new RpcException(new Status(StatusCode.Cancelled, "Call canceled by the client.")));
        var unavailable = YandexAuth.ToProviderException("yandex-stt", new RpcException(new Status(StatusCode.Unavailable, "overloaded")));

        Assert.False(VendorFault.IsVendorSide(cancelled));
        Assert.True(VendorFault.IsVendorSide(unavailable));
        Assert.Equal(503, unavailable.StatusCode);
    }

    [Fact]
    public void A_timeout_counts_against_the_vendor_only_when_we_saw_it_on_time()
    {
        Assert.True(VendorFault.IsVendorSide(new ProviderTimeoutException("v", TimeSpan.FromSeconds(1))));
        Assert.False(VendorFault.IsVendorSide(new ProviderTimeoutException("v", TimeSpan.FromSeconds(1), ourLateness: true)));
        Assert.False(VendorFault.IsOurLateness(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1500)), "a loaded machine's usual lag");
        Assert.True(VendorFault.IsOurLateness(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(1500)));
    }

    private static async Task<string> FirstFinalAsync(IRecognitionStream stream)
    {
        await foreach (var result in stream.Results(CancellationToken.None))
        {
            if (result.IsFinal)
            {
                return result.Text;
            }
        }
        throw new InvalidOperationException("the stream ended without a final");
    }
}
