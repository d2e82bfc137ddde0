using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using VoiceFunctions.Functions.LocalHost;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.LocalHost;

/// <summary>
/// The local host on its default backend, the Durable Task Azure Storage provider over Azurite (a task hub of each
/// test's own): calls started by signed MediaHost events in direct mode, checked in the hub's own tables.
/// </summary>
public sealed class DurableBackendTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static string NewCallId() => $"call-{Guid.NewGuid():N}_127.0.0.1~direct";

    [SkippableFact]
    public async Task Call_instance_is_in_the_task_hubs_instance_table_with_its_phase_as_custom_status()
    {
        await using var plane = new DirectModeControlPlane(FreePort.Next());
        await using var app = LocalControlPlaneHost.Build([], c => c.AddInMemoryCollection(plane.Settings));
        await app.StartAsync().DefaultTimeout();
        try
        {
            using var http = plane.NewHttpClient();
            var events = new AgentEventPoster(http, plane.EventsKey);
            var callId = NewCallId();

            Assert.True((await events.AnsweredAsync(callId)).IsSuccessStatusCode);
            var running = await plane.Hub.WaitForInstanceAsync(callId, r => r.GetString("CustomStatus")?.Contains("InCall", StringComparison.Ordinal) == true, Patience, "the call's instance row showing the InCall phase");
            Assert.Equal(nameof(CallOrchestrator), running.GetString("Name"));
            Assert.Equal("Running", running.GetString("RuntimeStatus"));

            Assert.True((await events.HangupAsync(callId, CallEndReason.CallerHangUp)).IsSuccessStatusCode);
            var done = await plane.Hub.WaitForInstanceAsync(callId, r => r.GetString("RuntimeStatus") == "Completed", Patience, "the call's instance completed");
            Assert.Contains("Completed", done.GetString("CustomStatus") ?? "", StringComparison.Ordinal);
            var record = await FinalizedRecordAsync(http, callId);
            Assert.Equal("CallerHangUp", record.GetProperty("endReason").GetString());
        }
        finally
        {
            await app.StopAsync().DefaultTimeout();
        }
    }

    [SkippableFact]
    public async Task Killed_local_host_resumes_the_same_orchestration_from_storage_and_the_call_ends_with_one_finalized_record()
    {
        await using var plane = new DirectModeControlPlane(FreePort.Next());
        var callId = NewCallId();
        DateTimeOffset? createdBeforeCrash;
        await using (var first = await LocalHostProcess.StartAsync(plane.Settings, plane.BaseUrl, plane.ApiKey))
        {
            using var http = plane.NewHttpClient();
            Assert.True((await new AgentEventPoster(http, plane.EventsKey).AnsweredAsync(callId)).IsSuccessStatusCode, first.Log);
            var inCall = await plane.Hub.WaitForInstanceAsync(callId, r => r.GetString("RuntimeStatus") == "Running" && r.GetString("CustomStatus")?.Contains("InCall", StringComparison.Ordinal) == true,
                Patience, "the call in progress before the crash");
            createdBeforeCrash = inCall.GetDateTimeOffset("CreatedTime");
            await first.KillAsync(); // mid-call: the orchestration waits for the call's end
        }

        await using var second = await LocalHostProcess.StartAsync(plane.Settings, plane.BaseUrl, plane.ApiKey);
        using (var http = plane.NewHttpClient())
        {
            var hangup = await new AgentEventPoster(http, plane.EventsKey).HangupAsync(callId, CallEndReason.CallerHangUp);
            Assert.True(hangup.IsSuccessStatusCode, second.Log);
            // Raised into the orchestration that survived, not closed as an orphan.
            Assert.Contains(nameof(CallDelivery.Raised), await hangup.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var done = await plane.Hub.WaitForInstanceAsync(callId, r => r.GetString("RuntimeStatus") == "Completed", Patience, "the resumed orchestration completed");
            Assert.Equal(createdBeforeCrash, done.GetDateTimeOffset("CreatedTime"));
            Assert.Equal(1, await plane.Hub.ExecutionsStartedAsync(callId));
            var record = await FinalizedRecordAsync(http, callId);
            Assert.Equal("CallerHangUp", record.GetProperty("endReason").GetString());
            Assert.DoesNotContain(OrphanedCallCloser.ReasonPrefix, record.GetProperty("reasonText").GetString() ?? "", StringComparison.Ordinal);
            // One call listed for the day, not a second record made by a restarted start.
            var day = await http.GetFromJsonAsync<JsonElement>($"/api/calls?day={DateTime.UtcNow:yyyy-MM-dd}&pageSize=50");
            Assert.Single(day.GetProperty("calls").EnumerateArray(), c => c.GetProperty("callId").GetString() == callId);
        }
    }

    private static async Task<JsonElement> FinalizedRecordAsync(HttpClient http, string callId)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var call = await http.GetFromJsonAsync<JsonElement>($"/api/calls/{Uri.EscapeDataString(callId)}");
            var record = call.GetProperty("record");
            if (record.GetProperty("outcome").GetString() != "InProgress")
            {
                Assert.Equal("Completed", record.GetProperty("outcome").GetString());
                return record;
            }
            Assert.True(DateTime.UtcNow < deadline, "the record was not finalized in time: " + record);
            await Task.Delay(200);
        }
    }
}
