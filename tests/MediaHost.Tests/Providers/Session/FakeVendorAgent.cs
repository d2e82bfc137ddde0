using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Hosting;
using VoiceFunctions.MediaHost.Providers.Configuration;
using VoiceFunctions.MediaHost.Tests.Media.Interop;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Providers.Session;

/// <summary>
/// The MediaHost's agent as the host wires it (<see cref="MediaHostServiceCollectionExtensions.AddMediaHost"/> from
/// configuration only), its providers pointed at loopback vendor fakes, behind the real SIP stack and RTP path on
/// 127.0.0.1 with an unimpaired UDP relay in front of the call's RTP that feeds an <see cref="RtpWireLog"/>. It keeps the turn records the agent reports.
/// </summary>
internal sealed class FakeVendorAgent : ITurnReporter, IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<TurnRecord> _turns = [];
    private readonly TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeVendorAgent(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddMediaHost(configuration);
        services.AddSingleton<ITurnReporter>(this); // registered last: the agent reports to this one
        _services = services.BuildServiceProvider();
        _ = _services.GetRequiredService<IOptions<ProviderChainsOptions>>().Value; // validated as at start-up
        Host = new LoopbackMediaHost(_services.GetRequiredService<ICallHandler>(),
            wrapMedia: m => new ImpairedMediaSessionFactory(m, ImpairmentSettings.None, ImpairmentSettings.None, Wire.Observe));
    }

    public LoopbackMediaHost Host { get; }

    /// <summary>The host's services (to reach a provider, for example to load the offline recogniser before the call).</summary>
    public IServiceProvider Services => _services;

    /// <summary>The RTP of the calls so far (the tests place one).</summary>
    public RtpWireLog Wire { get; } = new();

    /// <summary>Completes when the first turn triggered by the caller's speech has been recorded.</summary>
    public Task Answered => _answered.Task;

    public IReadOnlyList<TurnRecord> Turns
    {
        get
        {
            lock (_turns)
            {
                return [.. _turns];
            }
        }
    }

    public static FakeVendorAgent Start(IReadOnlyDictionary<string, string?> settings) => new(settings);

    public ValueTask ReportAsync(TurnRecord turn, CancellationToken cancellationToken)
    {
        lock (_turns)
        {
            _turns.Add(turn);
        }
        if (turn.Trigger == "speech")
        {
            _answered.TrySetResult();
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Waits until <paramref name="count"/> turns triggered by the caller's speech have been recorded.</summary>
    public async Task WaitForSpeechTurnsAsync(int count, TimeSpan timeout)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        while (Turns.Count(t => t.Trigger == "speech") < count)
        {
            if (DateTimeOffset.UtcNow > until)
            {
                throw new TimeoutException($"{Turns.Count(t => t.Trigger == "speech")} of {count} answers in {timeout}");
            }
            await Task.Delay(100);
        }
    }

    public TurnRecord Turn(string trigger) => Turns.FirstOrDefault(t => t.Trigger == trigger)
        ?? throw new InvalidOperationException($"no '{trigger}' turn among: {string.Join("; ", Turns.Select(t => $"{t.Trigger} '{t.AgentText}' {t.Error}"))}");

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await _services.DisposeAsync();
    }
}
