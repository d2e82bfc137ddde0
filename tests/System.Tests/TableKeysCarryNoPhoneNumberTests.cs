using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.ControlPlane;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests;

/// <summary>
/// The caller's and the called number are stored as values of the records that need them, never in a table key: after a
/// whole call through the local control plane (direct mode: the MediaHost's answered, turn and hang-up reports), no
/// PartitionKey or RowKey in any of its tables (calls, day index, turns, timeline, event dedupe, early events, health,
/// and the Durable task hub's instances and history on Azurite) holds either number, with or without its plus.
/// </summary>
[Trait("Category", "System")]
public sealed class TableKeysCarryNoPhoneNumberTests
{
    private const string Caller = "+79990001122";
    private const string Called = "+74950000000";

    [SkippableFact]
    public async Task No_table_key_of_a_finished_call_carries_the_callers_or_the_called_number()
    {
        var suffix = "k" + Guid.NewGuid().ToString("N")[..10];
        await using (var controlPlane = await LocalControlPlane.StartAsync(new Dictionary<string, string?>
        {
            ["CallStore:TableName"] = "calls" + suffix,
            ["Webhooks:DedupeTableName"] = "dedupe" + suffix,
            ["Webhooks:EarlyEventsTableName"] = "early" + suffix,
            ["Health:SnapshotTableName"] = "health" + suffix,
            ["LocalHost:TaskHubName"] = "hub" + suffix,
        }))
        {
            var options = new ControlPlaneOptions { BaseUrl = controlPlane.BaseUrl.ToString(), KeyId = "mediahost", Secret = controlPlane.EventsSecret };
            var queue = new CallEventQueue(options);
            using var sender = new ControlPlaneEventSender(queue, new HttpClient(), options, TimeProvider.System, NullLogger<ControlPlaneEventSender>.Instance);
            var reporter = new CallEventReporter(queue, TimeProvider.System, NullLogger<CallEventReporter>.Instance);
            var sipCallId = "keys-" + suffix + "@127.0.0.1";
            var callId = reporter.ControlPlaneCallId(sipCallId);

            reporter.Answered(sipCallId, Caller, Called);
            await SendQueuedAsync(queue, sender);
            await controlPlane.WaitForCallAsync(callId, _ => true, TimeSpan.FromSeconds(30), "the call's record");
            await reporter.ReportAsync(new TurnRecord { CallId = sipCallId, TurnIndex = 1, Trigger = "greeting", StartedAt = DateTimeOffset.UtcNow, AgentText = "Здравствуйте!" }, CancellationToken.None);
            reporter.HungUp(sipCallId, CallEndReason.CallerHangUp);
            await SendQueuedAsync(queue, sender);
            var call = await controlPlane.WaitForCallAsync(callId, LocalControlPlane.IsFinalized, TimeSpan.FromSeconds(60), "the finalized record");
            Assert.Equal(Caller, call.GetProperty("record").GetProperty("callerNumber").GetString()); // stored, as a value

            var keys = await KeysAsync(suffix);

            Assert.Contains(keys, k => k.Table.StartsWith("calls", StringComparison.Ordinal));
            Assert.Contains(keys, k => k.Table.StartsWith("hub", StringComparison.Ordinal) && k.Table.EndsWith("Instances", StringComparison.Ordinal));
            Assert.Contains(keys, k => k.Table.StartsWith("hub", StringComparison.Ordinal) && k.Table.EndsWith("History", StringComparison.Ordinal));
            var digits = new[] { Caller[1..], Called[1..] };
            Assert.DoesNotContain(keys, k => digits.Any(d => k.PartitionKey.Contains(d, StringComparison.Ordinal) || k.RowKey.Contains(d, StringComparison.Ordinal)));
        }
    }

    /// <summary>Every key of every table this run made (their names carry the run's suffix).</summary>
    private static async Task<List<(string Table, string PartitionKey, string RowKey)>> KeysAsync(string suffix)
    {
        var service = new TableServiceClient(Azurite.ConnectionString);
        var keys = new List<(string, string, string)>();
        await foreach (var table in service.QueryAsync())
        {
            if (!table.Name.Contains(suffix, StringComparison.Ordinal))
            {
                continue;
            }
            await foreach (var e in service.GetTableClient(table.Name).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                keys.Add((table.Name, e.PartitionKey, e.RowKey));
            }
        }
        return keys;
    }

    private static async Task SendQueuedAsync(CallEventQueue queue, ControlPlaneEventSender sender)
    {
        // The hang-up report may wait for our BYE's answer (no SIP here: it is queued at once).
        while (queue.Reader.TryRead(out var message))
        {
            Assert.True(await sender.SendAsync(message, CancellationToken.None).DefaultTimeout(), $"the control plane did not take the {message.Type} event");
        }
    }
}
