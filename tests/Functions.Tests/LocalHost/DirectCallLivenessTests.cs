using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using VoiceFunctions.Functions.LocalHost;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.Calls.Quality;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.LocalHost;

/// <summary>
/// How the control plane tells a live direct-mode call from one whose MediaHost died, on the local host with its real
/// Durable backend over Azurite: the MediaHost's periodic quality reports are signs of life, so a call with no turns
/// (the echo handler, a long monologue) outlives the silence timeout.
/// </summary>
public sealed class DirectCallLivenessTests
{
    private const int SilenceTimeoutSeconds = 5;
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

            // A quality report every second (the MediaHost's 30 s, scaled to the 5 s timeout) and nothing else, until
            // twice the timeout has passed since the call was seen in progress.
            var until = DateTimeOffset.UtcNow.AddSeconds(2 * SilenceTimeoutSeconds + 1);
            for (var n = 1; DateTimeOffset.UtcNow < until; n++)
            {
                var posted = await events.PostAsync(Quality(callId, n));
                Assert.True(posted.IsSuccessStatusCode, $"quality report {n}: HTTP {(int)posted.StatusCode}");
                await Task.Delay(TimeSpan.FromSeconds(1));
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
