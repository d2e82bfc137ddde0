using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Webhooks;

/// <summary>Which agent answered: the MediaHost's answered event names the agent profile, and the control plane keeps it
/// on the call's record (Azurite table, read back) and in its timeline.</summary>
public sealed class AgentProfileRecordTests : IAsyncLifetime
{
    private const string CallId = "call-1-4242_127.0.0.1~direct";
    private AgentEventsTestBed _bed = null!;

    public Task InitializeAsync()
    {
        _bed = AgentEventsTestBed.Create(directMode: true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_bed is not null)
        {
            await _bed.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task Answered_event_naming_the_agent_profile_puts_it_on_the_record_and_the_timeline()
    {
        var answered = new AgentEventMessage
        {
            Id = "mh-answered", CallId = CallId, Type = AgentEventType.Answered, OccurredAt = _bed.Kit.Time.GetUtcNow(),
            Caller = "+15552223333", Called = "+15550001001", AgentProfile = "sales",
        };

        var response = await _bed.PostSignedAsync(answered);

        Assert.Equal(200, response.Status);
        Assert.Equal("sales", (await _bed.Kit.Storage.Store.GetAsync(CallId))!.AgentProfile);
        var entry = (await _bed.Kit.Storage.Store.GetTimelineAsync(CallId)).Single(e => e.EntryId == "ae-mh-answered");
        Assert.Equal("the MediaHost answered the call (agent profile 'sales')", entry.Detail);
    }

    [SkippableFact]
    public async Task Answered_event_for_a_known_call_adds_the_agent_profile_to_its_record()
    {
        await _bed.Kit.Storage.Store.CreateAsync(new CallRecord { CallId = CallId, RoomName = CallId, StartedAt = _bed.Kit.Time.GetUtcNow() });
        var answered = new AgentEventMessage { Id = "mh-answered", CallId = CallId, Type = AgentEventType.Answered, OccurredAt = _bed.Kit.Time.GetUtcNow(), AgentProfile = "support" };

        await _bed.PostSignedAsync(answered);

        Assert.Equal("support", (await _bed.Kit.Storage.Store.GetAsync(CallId))!.AgentProfile);
    }
}
