using System.Net.Http.Json;
using System.Security.Cryptography;
using Azure.Data.Tables;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Campaigns;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests.Campaigns;

/// <summary>sipp, the MediaHost process and the local control plane, wired in direct mode.</summary>
internal sealed class CampaignRig : IAsyncDisposable
{
    private readonly string _table = "cmp" + Guid.NewGuid().ToString("N")[..12];
    public const string From = "+15550002222";
    private CampaignCallees _callees = null!;
    private MediaHostProcess _mediaHost = null!;

    public LocalControlPlane ControlPlane { get; private set; } = null!;

    public CampaignCallees Callees => _callees;

    /// <param name="busyPattern">The end of the numbers whose first INVITEs are busy, as a regex group ("(00|01)"; "(x)": none).</param>
    /// <param name="busyFirst">How many INVITEs to them are answered busy.</param>
    /// <param name="stepsPerGeneration">The campaign orchestration's steps before it continues as new.</param>
    /// <param name="restartable">Whether work taken by a host that then stops is visible again after 5 s (the restart
    /// drill) rather than the production 5 min; a run that restarts nothing measures the production setting.</param>
    public static Task<CampaignRig> StartAsync(string busyPattern, int busyFirst, int stepsPerGeneration, bool restartable = true) =>
        StartAsync(CampaignCallees.Start(busyPattern, busyFirst), stepsPerGeneration, restartable: restartable);

    /// <param name="callees">The sipp playing every callee (the rig disposes of it).</param>
    /// <param name="mediaHostSettings">More MediaHost settings (environment variables, e.g. Outbound__AmdAction).</param>
    public static async Task<CampaignRig> StartAsync(CampaignCallees callees, int stepsPerGeneration, IDictionary<string, string>? mediaHostSettings = null, bool restartable = true)
    {
        var rig = new CampaignRig { _callees = callees };
        var controlPlanePort = FreePort.Next();
        var eventsSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var settings = new Dictionary<string, string> { ["Outbound__Trunk"] = $"127.0.0.1:{rig._callees.Port}", ["Outbound__DefaultFrom"] = From };
        foreach (var (key, value) in mediaHostSettings ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
        rig._mediaHost = await SystemMediaHost.StartAsync(new Uri($"http://127.0.0.1:{controlPlanePort}"), eventsSecret, settings);
        var controlPlaneSettings = new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{controlPlanePort}",
            ["AgentEvents:Secret"] = eventsSecret,
            ["Outbound:Mode"] = "Direct",
            ["Outbound:MediaHostUrl"] = $"http://127.0.0.1:{rig._mediaHost.HttpPort}",
            ["Outbound:CallerIds:0"] = From,
            ["Campaigns:TableName"] = rig._table,
            // The safety net that reads the record when a call's finalize notice does not come (a restart can leave a call
            // to be closed by its record alone): 5 s rather than 30 s, so a restarted campaign ends within the test's wait.
            // The notice path alone is tested with the net at one hour (Functions.Tests CampaignCallEndTests).
            ["Campaigns:CallEndCheckSeconds"] = "5",
            // A call whose MediaHost events were all lost (sent while the host was down, given up after the MediaHost's
            // retries) is finalized by its direct-mode silence: 10 s rather than 60 s, within the test's wait.
            ["Calls:DirectSilenceTimeoutSeconds"] = "10",
            ["Campaigns:StepsPerGeneration"] = stepsPerGeneration.ToString(global::System.Globalization.CultureInfo.InvariantCulture),
        };
        if (restartable)
        {
            controlPlaneSettings["LocalHost:HostJsonPath"] = rig.HostJsonWithShortVisibility();
        }
        rig.ControlPlane = await LocalControlPlane.StartAsync(controlPlaneSettings);
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
        // A bound for a hang, not a timing: on a saturated 2-core machine the first calls have taken over 30 s.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (_callees.Invites().Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"sipp did not get {count} INVITEs within 90 s");
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
        var outcomes = last is null ? "" : string.Join(", ", last.Progress.Outcomes.Select(o => $"{o.Key} {o.Value}"));
        throw new TimeoutException($"the campaign did not end within {timeout}: {last?.Progress}; outcomes: {outcomes}\nstuck numbers:\n{await StuckNumbersAsync(id)}" +
            "INVITEs per number: " + string.Join(", ", _callees.InvitesPerNumber().Where(p => p.Value != 1).Select(p => $"{p.Key}={p.Value}")) + "\nMediaHost:\n" + Tail(_mediaHost.Log));
    }

    /// <summary>
    /// What each number still in progress waits on: its call's record, the call's orchestration and its attempt's
    /// (runtime and custom status), and the MediaHost's log lines about the call.
    /// </summary>
    public async Task<string> StuckNumbersAsync(string id)
    {
        var report = new global::System.Text.StringBuilder();
        var durable = ControlPlane.Durable;
        string? token = null;
        do
        {
            var page = await ControlPlane.Http.GetFromJsonAsync<CampaignResponse>(
                $"/api/campaigns/{id}?pageSize=100" + (token is null ? "" : "&pageToken=" + Uri.EscapeDataString(token)), CallsApiJson.Options);
            foreach (var n in page!.Numbers.Where(n => n.State == CampaignNumberState.InProgress && n.LastCallId is not null).Take(8))
            {
                var call = await ControlPlane.GetCallAsync(n.LastCallId!);
                var record = call is { } c ? c.GetProperty("record").GetProperty("outcome").GetString() : "no record";
                var orchestration = await durable.GetInstanceAsync(n.LastCallId!, getInputsAndOutputs: true);
                var attempt = await durable.GetInstanceAsync(VoiceFunctions.Functions.Campaigns.CampaignIds.AttemptInstanceId(id, n.Index, n.Attempts), getInputsAndOutputs: true);
                var callLines = _mediaHost.Log.Split('\n').Where(l => l.Contains(n.LastCallId!, StringComparison.Ordinal)).ToList();
                // Events the MediaHost gave up on, then the last lines about the call.
                var lines = callLines.Where(l => l.Contains("not delivered after", StringComparison.Ordinal)).Concat(callLines.TakeLast(4)).Select(Cut);
                report.AppendLine($"  {n.Index} {n.LastCallId}: record {record}; call orchestration {orchestration?.RuntimeStatus.ToString() ?? "none"} {orchestration?.SerializedCustomStatus} {orchestration?.FailureDetails?.ErrorMessage}; " +
                    $"attempt {attempt?.RuntimeStatus.ToString() ?? "none"} {attempt?.SerializedCustomStatus}\n    MediaHost: {string.Join("\n    ", lines)}");
            }
            token = page.NextPageToken;
        }
        while (token is not null);
        return report.ToString();
    }

    private static string Cut(string line) => line.Length > 400 ? line[..400] : line;

    private static string Tail(string text) => text.Length > 3000 ? text[^3000..] : text;

    public async ValueTask DisposeAsync()
    {
        await ControlPlane.DisposeAsync();
        await _mediaHost.DisposeAsync();
        _callees.Dispose();
        await new TableClient(Azurite.ConnectionString, _table).DeleteAsync();
    }
}
