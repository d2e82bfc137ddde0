using System.Net.Http.Json;
using System.Security.Cryptography;
using Azure.Data.Tables;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Campaigns;
using VoiceFunctions.Shared.Outbound;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests.Campaigns;

/// <summary>
/// Campaigns end to end in direct mode on loopback: POST /api/campaigns on the local control plane (the Durable Azure
/// Storage provider on Azurite) → the campaign and attempt orchestrations → the MediaHost process dials sipp (every
/// callee; some numbers busy the first time) → the agent talks → sipp hangs up. The campaign's orchestration continues
/// as new every 10 steps here, so both tests cross several generations.
/// </summary>
[Trait("Category", "System")]
public sealed class CampaignSystemTests
{
    private const string From = "+15550002222";
    // The first three numbers: their first attempts are the first starts, before any retry is due.
    private static readonly string[] BusyFirst = ["+15550001000", "+15550001001", "+15550001002"];

    private static StartCampaignRequest Campaign() => new()
    {
        Name = "system",
        From = From,
        Concurrency = 4,
        CallsPerSecond = 4,
        RingTimeoutSeconds = 10,
        Retry = new RetryRules { Busy = new RetryRule(2, 5) },
        Entries = Enumerable.Range(0, 12).Select(i => new CampaignEntry($"+155500010{i:D2}", Variables: new() { ["n"] = i.ToString() })).ToList(),
    };

    [SkippableFact]
    public async Task A_campaign_calls_every_number_through_the_MediaHost_and_retries_the_busy_ones_by_the_rule()
    {
        await using var rig = await Rig.StartAsync();

        var id = await rig.StartAsync(Campaign());
        var done = await rig.WaitForEndAsync(id, TimeSpan.FromSeconds(50));

        rig.AssertEveryNumberFinalOnce(done);
    }

    [SkippableFact]
    public async Task A_control_plane_restarted_mid_campaign_finishes_it_with_one_final_result_per_number_and_no_extra_dial()
    {
        await using var rig = await Rig.StartAsync();

        var id = await rig.StartAsync(Campaign());
        await rig.WaitForInvitesAsync(5);
        await rig.ControlPlane.RestartAsync(TimeSpan.FromSeconds(1));
        var done = await rig.WaitForEndAsync(id, TimeSpan.FromSeconds(50));

        rig.AssertEveryNumberFinalOnce(done);
    }

    /// <summary>sipp, the MediaHost process and the local control plane, wired in direct mode.</summary>
    private sealed class Rig : IAsyncDisposable
    {
        private readonly string _table = "cmp" + Guid.NewGuid().ToString("N")[..12];
        private CampaignCallees _callees = null!;
        private MediaHostProcess _mediaHost = null!;

        public LocalControlPlane ControlPlane { get; private set; } = null!;

        public static async Task<Rig> StartAsync()
        {
            var rig = new Rig { _callees = CampaignCallees.Start("(00|01|02)", BusyFirst.Length) };
            var controlPlanePort = FreePort.Next();
            var eventsSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
            rig._mediaHost = await SystemMediaHost.StartAsync(new Uri($"http://127.0.0.1:{controlPlanePort}"), eventsSecret,
                new Dictionary<string, string> { ["Outbound__Trunk"] = $"127.0.0.1:{rig._callees.Port}", ["Outbound__DefaultFrom"] = From });
            rig.ControlPlane = await LocalControlPlane.StartAsync(new Dictionary<string, string?>
            {
                ["urls"] = $"http://127.0.0.1:{controlPlanePort}",
                ["AgentEvents:Secret"] = eventsSecret,
                ["Outbound:Mode"] = "Direct",
                ["Outbound:MediaHostUrl"] = $"http://127.0.0.1:{rig._mediaHost.HttpPort}",
                ["Outbound:CallerIds:0"] = From,
                ["Campaigns:TableName"] = rig._table,
                ["Campaigns:StepsPerGeneration"] = "10",
                ["LocalHost:HostJsonPath"] = rig.HostJsonWithShortVisibility(),
            });
            return rig;
        }

        /// <summary>
        /// The app's host.json, with work taken by a host that then stopped visible again after 5 s instead of the
        /// provider's 5 min: the restarted host resumes it within the test's time (in Azure the same work resumes too, later).
        /// </summary>
        private string HostJsonWithShortVisibility()
        {
            var json = global::System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")))!;
            var storage = json["extensions"]!["durableTask"]!["storageProvider"]!;
            storage["workItemQueueVisibilityTimeout"] = "00:00:05";
            storage["controlQueueVisibilityTimeout"] = "00:00:05";
            var path = Path.Combine(Path.GetTempPath(), $"host-{_table}.json");
            File.WriteAllText(path, json.ToJsonString());
            return path;
        }

        public async Task<string> StartAsync(StartCampaignRequest request)
        {
            using var response = await ControlPlane.Http.PostAsJsonAsync("/api/campaigns", request, CallsApiJson.Options);
            Assert.True(response.StatusCode == global::System.Net.HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<StartCampaignResponse>(CallsApiJson.Options))!.CampaignId;
        }

        public async Task WaitForInvitesAsync(int count)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (_callees.Invites().Count < count)
            {
                Assert.True(DateTime.UtcNow < deadline, $"sipp did not get {count} INVITEs within 30 s");
                await Task.Delay(100);
            }
        }

        public async Task<CampaignResponse> WaitForEndAsync(string id, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            CampaignResponse? last = null;
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    last = await ControlPlane.Http.GetFromJsonAsync<CampaignResponse>($"/api/campaigns/{id}?pageSize=100", CallsApiJson.Options);
                    if (last is { Status: CampaignStatus.Completed or CampaignStatus.Cancelled })
                    {
                        return last;
                    }
                }
                catch (HttpRequestException)
                {
                    // the host is restarting: ask again
                }
                await Task.Delay(250);
            }
            throw new TimeoutException($"the campaign did not end within {timeout}: {last?.Progress}; INVITEs per number: " +
                string.Join(", ", _callees.InvitesPerNumber().Select(p => $"{p.Key}={p.Value}")) + "\nMediaHost:\n" + Tail(_mediaHost.Log));
        }

        /// <summary>Every number done once: answered, the busy ones after exactly one retry; sipp saw no other INVITE.</summary>
        public void AssertEveryNumberFinalOnce(CampaignResponse done)
        {
            var invites = _callees.InvitesPerNumber();
            var context = $"progress {done.Progress}; INVITEs: {string.Join(", ", invites.Select(p => $"{p.Key}={p.Value}"))}";
            Assert.True(done.Status == CampaignStatus.Completed, context);
            Assert.True((12, 12, 15) == (done.Progress.Done, done.Progress.Outcomes.GetValueOrDefault("Answered"), done.Progress.Attempts), context);
            Assert.Equal(12, done.Numbers.Count);
            foreach (var number in done.Numbers)
            {
                var expected = BusyFirst.Contains(number.To) ? 2 : 1;
                Assert.True((CampaignNumberState.Done, DialOutcome.Answered, expected) == (number.State, number.Outcome, number.Attempts), $"{number}; {context}");
                Assert.True(invites.GetValueOrDefault(number.To) == expected, $"{number.To}: {invites.GetValueOrDefault(number.To)} INVITEs; {context}");
            }
        }

        private static string Tail(string text) => text.Length > 3000 ? text[^3000..] : text;

        public async ValueTask DisposeAsync()
        {
            await ControlPlane.DisposeAsync();
            await _mediaHost.DisposeAsync();
            _callees.Dispose();
            await new TableClient(Azurite.ConnectionString, _table).DeleteAsync();
        }
    }
}
