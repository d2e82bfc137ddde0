using System.Net;
using System.Text.RegularExpressions;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests.FrontDoor;

/// <summary>
/// N real MediaHost processes behind the front door, started together: the built-in echo (no AI loop, so the test
/// measures routing, not recognition), per-source limits raised as the deployment behind a front door sets them (every
/// request comes from the front door's one address), each on its own RTP range. Scrapes their /metrics.
/// </summary>
internal sealed partial class MediaHostFleet : IAsyncDisposable
{
    private MediaHostFleet(IReadOnlyList<MediaHostProcess> hosts) => Hosts = hosts;

    public IReadOnlyList<MediaHostProcess> Hosts { get; }

    public IReadOnlyList<IPEndPoint> SipEndpoints => [.. Hosts.Select(h => h.SipEndpoint)];

    /// <param name="extra">More settings for every host, e.g. <see cref="ReportingTo"/>'s.</param>
    public static async Task<MediaHostFleet> StartAsync(int count, int drainTimeoutSeconds, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>(extra ?? new Dictionary<string, string>())
        {
            ["AiLoop__Enabled"] = "false",
            ["Sip__MaxRequestsPerMinute"] = "1000000",
            ["Sip__MaxCallsPerMinute"] = "100000",
            ["Sip__MaxCallsPerHour"] = "1000000",
            ["Sip__DrainTimeoutSeconds"] = drainTimeoutSeconds.ToString(),
        };
        var starting = Enumerable.Range(0, count)
            .Select(i => MediaHostProcess.StartAsync(new Dictionary<string, string>(settings) { ["ControlPlane__HostId"] = HostId(i) }, rtpBase: 20000 + i * 10000))
            .ToList();
        try
        {
            return new MediaHostFleet(await Task.WhenAll(starting));
        }
        catch
        {
            foreach (var host in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await host.Result.DisposeAsync();
            }
            throw;
        }
    }

    /// <summary>The id the i-th host reports under (its calls' records name it).</summary>
    public static string HostId(int i) => "frontdoor-mh-" + i;

    /// <summary>The settings that make each host report its calls to <paramref name="controlPlane"/>.</summary>
    public static IReadOnlyDictionary<string, string> ReportingTo(LocalControlPlane controlPlane) =>
        new Dictionary<string, string>
        {
            ["ControlPlane__BaseUrl"] = controlPlane.BaseUrl.ToString(),
            ["AgentEvents__KeyId"] = "mediahost",
            ["AgentEvents__Secret"] = controlPlane.EventsSecret,
        };

    /// <summary>A counter from the host's /metrics, e.g. ("voicefunctions_sip_responses_total", method INVITE, code 200); 0 when absent.</summary>
    public static async Task<long> CounterAsync(MediaHostProcess host, string name, string method, string? code = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var text = await http.GetStringAsync($"http://127.0.0.1:{host.HttpPort}/metrics");
        long total = 0;
        foreach (Match line in SampleLine().Matches(text))
        {
            var labels = line.Groups["labels"].Value;
            if (line.Groups["name"].Value == name && labels.Contains($"method=\"{method}\"") && (code is null || labels.Contains($"code=\"{code}\"")))
            {
                total += long.Parse(line.Groups["value"].Value);
            }
        }
        return total;
    }

    /// <summary>Calls the host answered (200 to an INVITE, re-INVITEs included).</summary>
    public static Task<long> AnsweredAsync(MediaHostProcess host) => CounterAsync(host, "voicefunctions_sip_responses_total", "INVITE", "200");

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Hosts)
        {
            await host.DisposeAsync();
        }
    }

    [GeneratedRegex(@"^(?<name>[a-z_]+)\{(?<labels>[^}]*)\} (?<value>\d+)", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
