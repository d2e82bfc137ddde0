using System.Net.Http.Headers;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.LiveKit.Webhooks;

namespace VoiceFunctions.Console.Tests;

/// <summary>
/// Puts a recorded direct-mode call into the console's control plane the way the MediaHost does: its signed answered
/// event (which starts the call), a one-second stereo WAV in the recordings container, then its signed recording event.
/// </summary>
internal static class RecordedCallSeeder
{
    public static async Task<string> SeedAsync(ConsoleFixture fixture)
    {
        var callId = "call-console-rec-" + Guid.NewGuid().ToString("N")[..8];
        var blobName = $"calls/{callId}.wav";
        await fixture.Recordings.GetBlobClient(blobName).UploadAsync(new BinaryData(Tone()),
            new Azure.Storage.Blobs.Models.BlobUploadOptions { HttpHeaders = new Azure.Storage.Blobs.Models.BlobHttpHeaders { ContentType = "audio/wav" } });
        var now = DateTimeOffset.UtcNow;
        await PostAsync(fixture, new AgentEventMessage { Id = $"mh-{callId}-answered", CallId = callId, Type = AgentEventType.Answered, OccurredAt = now, Caller = "+15552223333", Called = "+15550001111" });
        var location = $"http://127.0.0.1:10000/devstoreaccount1/{fixture.Recordings.Name}/{blobName}";
        await PostAsync(fixture, new AgentEventMessage
        {
            Id = $"mh-{callId}-recording-uploaded", CallId = callId, Type = AgentEventType.Recording, OccurredAt = now,
            Recording = new CallRecording("mediahost", "Complete", true, location, null, now, TimeSpan.FromSeconds(1), 64_044),
        });
        return callId;
    }

    private static async Task PostAsync(ConsoleFixture fixture, AgentEventMessage message)
    {
        var body = AgentEventParser.Serialize(message);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.ControlPlane.BaseUrl, $"api/calls/{message.CallId}/events")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
            new WebhookSigner(new LiveKitCredentials("mediahost", fixture.ControlPlane.EventsSecret), TimeProvider.System).Sign(body));
        using var response = await fixture.ControlPlane.Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{message.Type}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>One second of a 440 Hz tone on the left and silence on the right, 16 kHz stereo 16-bit WAV.</summary>
    private static byte[] Tone()
    {
        const int rate = 16000;
        var wav = new byte[44 + (rate * 4)];
        VoiceFunctions.MediaHost.Recording.WavHeader.Write(wav, rate, 2, (uint)(rate * 4));
        for (var i = 0; i < rate; i++)
        {
            global::System.Buffers.Binary.BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(44 + (i * 4)), (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / rate)));
        }
        return wav;
    }
}
