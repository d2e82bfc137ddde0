using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Tests.Providers.Fakes;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Providers.Conformance;

/// <summary>
/// The refusals every adapter (STT and TTS alike) maps the same way, in one place: the vendor refusing the key is a
/// permanent failure with the vendor's status that never shows the key; 429 is transient and carries its Retry-After;
/// a server error (503) is transient. Each suite says how to use its adapter once (<see cref="UseAsync"/>); the
/// loopback <see cref="Fake"/> of the vendor's documented protocol refuses as its script says.
/// </summary>
public abstract class VendorRefusalConformance : IAsyncLifetime
{
    protected VendorFakeServer Fake { get; private set; } = null!;

    /// <summary>The status the vendor's auth refusal maps to (HTTP 401, a gRPC UNAUTHENTICATED, or a WebSocket close code).</summary>
    protected virtual int AuthFailureStatus => 401;

    /// <summary>Uses the adapter under test once, with <paramref name="key"/>: recognises an utterance or speaks a sentence.</summary>
    protected abstract Task UseAsync(string key);

    public async Task InitializeAsync() => Fake = await VendorFakeServer.StartAsync();

    public async Task DisposeAsync() => await Fake.DisposeAsync();

    [Fact]
    public async Task Fake_vendor_refusing_the_key_is_a_permanent_failure_that_does_not_show_the_key()
    {
        var e = await Assert.ThrowsAsync<ProviderException>(() => UseAsync("wrong-" + FakeScript.Key)).DefaultTimeout();
        Assert.False(e.IsTransient, e.ToString());
        Assert.Equal(AuthFailureStatus, e.StatusCode);
        Assert.DoesNotContain(FakeScript.Key, e.ToString());
    }

    [Fact]
    public async Task Fake_vendor_429_is_transient_and_carries_its_retry_after()
    {
        Fake.Script.Behaviour = FakeBehaviour.RateLimited;
        var e = await Assert.ThrowsAsync<ProviderException>(() => UseAsync(FakeScript.Key)).DefaultTimeout();
        Assert.True(e.IsTransient);
        Assert.Equal(429, e.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), e.RetryAfter);
    }

    [Fact]
    public async Task Fake_vendor_server_error_is_transient()
    {
        Fake.Script.Behaviour = FakeBehaviour.ServerError;
        var e = await Assert.ThrowsAsync<ProviderException>(() => UseAsync(FakeScript.Key)).DefaultTimeout();
        Assert.True(e.IsTransient);
        Assert.Equal(503, e.StatusCode);
    }
}
