using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using VoiceFunctions.Functions.LocalHost;
using VoiceFunctions.Functions.MediaHosts;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.Calls.Quality;
using VoiceFunctions.Shared.MediaHosts;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.LocalHost;

/// <summary>
/// How the control plane tells a live direct-mode call from one whose MediaHost died, on the local host with its real
/// Durable backend over Azurite: the MediaHost's periodic quality reports are signs of life, so a call with no turns
/// (the echo handler, a long monologue) outlives the silence timeout; and a MediaHost whose heartbeat stops has its calls
/// closed as MediaHostLost within seconds (the silence timeout set far beyond the test: only the heartbeat can do it),
/// including a call whose "answered" never reached the control plane.
/// </summary>
public sealed class DirectCallLivenessTests
{
    private const int SilenceTimeoutSeconds = 10;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task Direct_call_whose_MediaHost_sends_only_quality_reports_for_twice_the_silence_timeout_is_not_closed_as_lost()
    {
        await using var plane = new DirectModeControlPlane(FreePort.Next());
        plane.Settings["Calls:DirectSilenceTimeoutSeconds"] = SilenceTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var app = LocalControlPlaneHost.Build([], c => c.AddInMemoryCollection(plane.Settings));
        await app.StartAsync().DefaultTimeout();
        try
        {
            using var http = plane.NewHttpClient();
            var events = new AgentEventPoster(http, plane.EventsKey);
            var callId = $"call-{Guid.NewGuid():N}_127.0.0.1~direct";
            Assert.True((await events.AnsweredAsync(callId)).IsSuccessStatusCode);
            await plane.Hub.WaitForInstanceAsync(callId, r => r.GetString("CustomStatus")?.Contains("InCall", StringComparison.Ordinal) == true, Patience, "the call in progress");

            // Quality reports one after the other (the MediaHost's every 30 s, scaled to the 10 s timeout) and nothing else,
            // until twice the timeout has passed since the call was seen in progress. Each report is posted once the last
            // was taken: on a loaded machine a post took seconds, and a 5 s timeout with a report a second was too close.
            var until = DateTimeOffset.UtcNow.AddSeconds(2 * SilenceTimeoutSeconds + 1);
            for (var n = 1; DateTimeOffset.UtcNow < until; n++)
            {
                var posted = await events.PostAsync(Quality(callId, n));
                Assert.True(posted.IsSuccessStatusCode, $"quality report {n}: HTTP {(int)posted.StatusCode}");
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
            Assert.True((await events.HangupAsync(callId, CallEndReason.CallerHangUp)).IsSuccessStatusCode);

            var record = await FinalizedRecordAsync(http, callId);
            Assert.Equal(("Completed", "CallerHangUp"), (record.GetProperty("outcome").GetString(), record.GetProperty("endReason").GetString()));
        }
        finally
        {
            await app.StopAsync().DefaultTimeout();
        }
    }

    [SkippableFact]
    public async Task MediaHost_whose_heartbeat_stops_has_its_calls_closed_as_MediaHostLost_with_its_id_including_a_call_known_only_from_the_heartbeat()
    {
        await using var plane = new DirectModeControlPlane(FreePort.Next());
        plane.Settings["Calls:DirectSilenceTimeoutSeconds"] = "3600";
        await using var app = LocalControlPlaneHost.Build([], c => c.AddInMemoryCollection(plane.Settings));
        await app.StartAsync().DefaultTimeout();
        try
        {
            using var http = plane.NewHttpClient();
            var events = new AgentEventPoster(http, plane.EventsKey);
            var (reported, unreported) = ($"call-{Guid.NewGuid():N}_127.0.0.1~direct", $"call-{Guid.NewGuid():N}_127.0.0.1~direct");
            var hostId = "mh-" + Guid.NewGuid().ToString("N")[..8];
            var startedAt = DateTimeOffset.UtcNow;
            Assert.True((await events.PostAsync(new AgentEventMessage
            {
                Id = $"mh-{reported}-answered", CallId = reported, Type = AgentEventType.Answered, OccurredAt = startedAt,
                Caller = "+15552223333", Called = "+15550001111", MediaHostId = hostId,
            })).IsSuccessStatusCode);
            await plane.Hub.WaitForInstanceAsync(reported, r => r.GetString("CustomStatus")?.Contains("InCall", StringComparison.Ordinal) == true, Patience, "the reported call in progress");

            // Three heartbeats a second apart list both calls; the second call's answer never reached the control plane.
            MediaHostCall[] calls = [new(reported, startedAt), new(unreported, startedAt)];
            for (var n = 0; n < 3; n++)
            {
                var beat = await events.HeartbeatAsync(new MediaHostHeartbeat { HostId = hostId, StartedAt = startedAt, SentAt = DateTimeOffset.UtcNow, IntervalSeconds = 1, Calls = calls });
                Assert.True(beat.IsSuccessStatusCode, $"heartbeat {n}: HTTP {(int)beat.StatusCode} {await beat.Content.ReadAsStringAsync()}");
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
            var lastBeat = DateTimeOffset.UtcNow;

            // Then the host dies: no more heartbeats. Both calls are closed as lost with it, not after the hour of silence.
            foreach (var id in new[] { reported, unreported })
            {
                var record = await FinalizedRecordAsync(http, id);
                Assert.Equal(("Failed", "MediaHostLost", hostId), (record.GetProperty("outcome").GetString(), record.GetProperty("endReason").GetString(), record.GetProperty("mediaHostId").GetString()));
                Assert.Contains("sent no heartbeat", record.GetProperty("reasonText").GetString(), StringComparison.Ordinal);
                Console.WriteLine($"{(id == reported ? "reported" : "heartbeat-only")} call closed {(record.GetProperty("endedAt").GetDateTimeOffset() - lastBeat).TotalSeconds:0.0} s after the last heartbeat (lost after 3 s)");
            }
            Assert.Contains("its answer never reached the control plane", (await FinalizedRecordAsync(http, unreported)).GetProperty("reasonText").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync().DefaultTimeout();
        }
    }

    [SkippableFact]
    public async Task Heartbeat_starts_the_hosts_monitor_and_one_with_a_bad_signature_a_host_id_not_its_URLs_or_no_interval_is_refused_with_the_reason()
    {
        await using var plane = new DirectModeControlPlane(FreePort.Next());
        await using var app = LocalControlPlaneHost.Build([], c => c.AddInMemoryCollection(plane.Settings));
        await app.StartAsync().DefaultTimeout();
        try
        {
            using var http = plane.NewHttpClient();
            var beat = new MediaHostHeartbeat { HostId = "mh-1", StartedAt = DateTimeOffset.UtcNow, SentAt = DateTimeOffset.UtcNow, IntervalSeconds = 5 };
            // A valid one first starts the host's monitor. Waiting for it also lets the Durable provider finish starting:
            // the local host stopped while the Azure Storage provider was still starting crashed the test process (its
            // StopAsync throws a NullReferenceException from an unawaited callback).
            Assert.True((await new AgentEventPoster(http, plane.EventsKey).HeartbeatAsync(beat)).IsSuccessStatusCode);
            await plane.Hub.WaitForInstanceAsync(MediaHostMonitor.InstanceId("mh-1"), r => r.GetString("RuntimeStatus") == "Running", Patience, "the host's monitor running");

            var forged = await new AgentEventPoster(http, new Shared.LiveKit.Auth.LiveKitCredentials(plane.EventsKey.ApiKey, new string('x', 64))).HeartbeatAsync(beat);
            var otherHost = await new AgentEventPoster(http, plane.EventsKey).HeartbeatAsync(beat, routeHostId: "mh-2");
            var noInterval = await new AgentEventPoster(http, plane.EventsKey).HeartbeatAsync(beat with { IntervalSeconds = 0 });
            var badId = await new AgentEventPoster(http, plane.EventsKey).HeartbeatAsync(beat with { HostId = "mh 1/x" }, routeHostId: "mh-1");

            Assert.Equal(401, (int)forged.StatusCode);
            Assert.Equal((400, "the heartbeat's hostId does not match the host in the URL"), ((int)otherHost.StatusCode, await otherHost.Content.ReadAsStringAsync()));
            Assert.Equal((400, "intervalSeconds must be 0.5 to 300"), ((int)noInterval.StatusCode, await noInterval.Content.ReadAsStringAsync()));
            Assert.Equal(400, (int)badId.StatusCode);
            Assert.StartsWith("hostId must be", await badId.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync().DefaultTimeout();
        }
    }

    private static AgentEventMessage Quality(string callId, int n) => new()
    {
        Id = $"mh-{callId}-quality-{n}", CallId = callId, Type = AgentEventType.Quality, OccurredAt = DateTimeOffset.UtcNow,
        Quality = new CallMediaQuality
        {
            MeasuredAt = DateTimeOffset.UtcNow, Codec = "PCMU/8000", MediaSeconds = n,
            FromCaller = new MediaDirectionQuality { Packets = 50 * n }, ToCaller = new MediaDirectionQuality { Packets = 50 * n },
        },
    };

    internal static async Task<JsonElement> FinalizedRecordAsync(HttpClient http, string callId)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var call = await http.GetFromJsonAsync<JsonElement>($"/api/calls/{Uri.EscapeDataString(callId)}");
            var record = call.GetProperty("record");
            if (record.GetProperty("outcome").GetString() != "InProgress")
            {
                return record;
            }
            Assert.True(DateTime.UtcNow < deadline, "the record was not finalized in time: " + record);
            await Task.Delay(200);
        }
    }
}
