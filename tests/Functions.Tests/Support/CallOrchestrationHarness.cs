using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Telemetry;
using VoiceFunctions.Functions.Timeline;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Support;

/// <summary>
/// The call orchestration running for real (with replay) in the in-process Durable Task host, over a
/// call store in Azurite and scripted LiveKit doubles.
/// </summary>
public sealed class CallOrchestrationHarness : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private DurableTaskTestHost _host;
    private Action<IServiceCollection>? _services;

    private CallOrchestrationHarness(DurableTaskTestHost host, TestCallStorage storage, ScriptedAgentDispatcher dispatcher, RecordingCallControl control, IMeterFactory meterFactory)
    {
        _host = host;
        MeterFactory = meterFactory;
        Storage = storage;
        Dispatcher = dispatcher;
        Control = control;
    }

    public TestCallStorage Storage { get; }
    public CallStore Store => Storage.Store;
    public ScriptedAgentDispatcher Dispatcher { get; }
    public RecordingCallControl Control { get; }
    public DurableTaskClient Client => _host.Client;

    /// <summary>The meter factory of this harness's activities, to listen to its call metrics only.</summary>
    public IMeterFactory MeterFactory { get; }

    /// <param name="services">More services for the activities (e.g. the LiveKit API clients of the recording activities).</param>
    public static async Task<CallOrchestrationHarness> StartAsync(ScriptedAgentDispatcher? dispatcher = null, TestCallStorage? storage = null, Action<IServiceCollection>? services = null)
    {
        storage ??= TestCallStorage.Create();
        dispatcher ??= new ScriptedAgentDispatcher();
        var control = new RecordingCallControl();
        var meterFactory = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        var host = await StartHostAsync(storage, dispatcher, control, meterFactory, services);
        return new CallOrchestrationHarness(host, storage, dispatcher, control, meterFactory) { _services = services };
    }

    /// <summary>Stops the Durable host and starts a new one over the same call store (a crash and restart).</summary>
    public async Task RecreateHostAsync()
    {
        await _host.DisposeAsync();
        _host = await StartHostAsync(Storage, Dispatcher, Control, MeterFactory, _services);
    }

    public static CallStart NewCall(string callId, CallSettings settings, bool withCaller = true) => new(
        callId,
        "call-" + callId,
        DateTimeOffset.UtcNow,
        withCaller ? new CallerInfo("sip_+79990001122", "+79990001122", "+74950000000", "ST_in") : null,
        settings);

    public static CallSettings FastSettings => new()
    {
        AgentAnswerTimeout = TimeSpan.FromSeconds(1),
        MaxDispatchAttempts = 2,
        DispatchActivityAttempts = 3,
        DispatchRetryInterval = TimeSpan.FromMilliseconds(100),
        MaxCallDuration = TimeSpan.FromMinutes(5),
        CallerJoinTimeout = TimeSpan.FromSeconds(2),
    };

    public async Task<string> StartAsync(CallStart start)
    {
        return await Client.ScheduleNewOrchestrationInstanceAsync(nameof(CallOrchestrator), start,
            new StartOrchestrationOptions(InstanceId: start.CallId)).DefaultTimeout();
    }

    public Task RaiseAsync(string callId, CallEventKind kind, CallerInfo? caller = null, string? identity = null) =>
        Client.RaiseEventAsync(callId, CallEvent.EventName, new CallEvent(kind, DateTimeOffset.UtcNow) { Caller = caller, ParticipantIdentity = identity }).DefaultTimeout();

    /// <summary>Polls the custom status until the call reaches <paramref name="phase"/>.</summary>
    public async Task<CallStatus> WaitForPhaseAsync(string callId, CallPhase phase)
    {
        var deadline = DateTime.UtcNow + TaskTimeoutExtensions.Standard;
        CallStatus? last = null;
        while (DateTime.UtcNow < deadline)
        {
            var instance = await Client.GetInstanceAsync(callId, getInputsAndOutputs: true).DefaultTimeout();
            if (instance?.SerializedCustomStatus is { } json)
            {
                last = JsonSerializer.Deserialize<CallStatus>(json, Json);
                if (last?.Phase == phase)
                {
                    return last;
                }
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"call {callId} never reached {phase}; last status: {last}");
    }

    public async Task<CallResult> WaitForResultAsync(string callId)
    {
        var instance = await Client.WaitForInstanceCompletionAsync(callId, getInputsAndOutputs: true).DefaultTimeout();
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        return instance.ReadOutputAs<CallResult>()!;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await Storage.DisposeAsync();
    }

    private static Task<DurableTaskTestHost> StartHostAsync(TestCallStorage storage, ScriptedAgentDispatcher dispatcher, RecordingCallControl control, IMeterFactory meterFactory,
        Action<IServiceCollection>? more) =>
        DurableTaskTestHost.StartAsync(
            registry => registry.AddCallTasks(),
            new DurableTaskTestHostOptions
            {
                Port = FreePort.Next(),
                ConfigureServices = services =>
                {
                    services.AddLogging();
                    services.AddSingleton(storage.Store);
                    services.AddSingleton(TimeProvider.System);
                    services.AddSingleton<CallTimelineRecorder>();
                    services.AddSingleton<IAgentDispatcher>(dispatcher);
                    services.AddSingleton<ICallControl>(control);
                    services.AddSingleton(new ControlPlaneMetrics(meterFactory));
                    more?.Invoke(services);
                },
            });
}
