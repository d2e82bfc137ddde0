using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests.Recording;

/// <summary>
/// Direct-mode call recording end to end on loopback: a real sipp caller (µ-law, a spoken question after 4 s of
/// silence) calls the MediaHost, which records the call as stereo WAV and uploads it through the local control plane's
/// write-only link to Azurite; the record then names the blob, and GET /api/calls/{id}/recording links to it.
/// </summary>
[Trait("Category", "System")]
public sealed class DirectRecordingTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string AzuriteAccount = "devstoreaccount1";
    // Azurite's documented development account key (public, not a secret).
    private const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const int LeadSeconds = 4;
    private const int CallMilliseconds = 9000;

    [SkippableFact]
    public async Task A_direct_call_is_recorded_in_stereo_with_the_caller_left_and_the_agent_right_and_its_link_downloads_it()
    {
        Azurite.RequireRunning();
        var containerName = "rec-" + Guid.NewGuid().ToString("N")[..12];
        var container = new BlobServiceClient(Azurite.ConnectionString).GetBlobContainerClient(containerName);
        await container.CreateAsync();
        var folder = Directory.CreateTempSubdirectory("recordings-").FullName;
        try
        {
            await using var controlPlane = await LocalControlPlane.StartAsync(new Dictionary<string, string?>
            {
                ["Recording:Enabled"] = "true",
                ["Recording:BlobServiceUri"] = $"http://127.0.0.1:10000/{AzuriteAccount}",
                ["Recording:AccountName"] = AzuriteAccount,
                ["Recording:AccountKey"] = AzuriteKey,
                ["Recording:ContainerName"] = containerName,
            });
            var dialog = new Dictionary<string, string>
            {
                ["AiLoop__Providers__DialogScriptPath"] = Path.Combine(AppContext.BaseDirectory, "demo-dialog.yaml"),
                ["Recording__Enabled"] = "true",
                ["Recording__Directory"] = folder,
            };
            await using var mediaHost = await SystemMediaHost.StartAsync(controlPlane.BaseUrl, controlPlane.EventsSecret, dialog);
            using (var caller = await DemoCaller.StartAsync(mediaHost.SipEndpoint, "What are your opening hours?", leadSeconds: LeadSeconds, callMilliseconds: CallMilliseconds))
            {
                var (exitCode, sippOutput) = await caller.WaitAsync();
                Assert.True(exitCode == 0, $"sipp failed:\n{sippOutput}");
            }
            var call = await controlPlane.WaitForFinalizedCallAsync(TimeSpan.FromSeconds(20));
            var callId = call.GetProperty("record").GetProperty("callId").GetString()!;
            call = await controlPlane.WaitForCallAsync(callId, c => c.GetProperty("record").TryGetProperty("recording", out var r) && r.ValueKind == JsonValueKind.Object && r.GetProperty("ended").GetBoolean(),
                TimeSpan.FromSeconds(20), "the recording's upload in the record");

            // The record: the blob's location, duration and size, as in LiveKit mode.
            var recording = call.GetProperty("record").GetProperty("recording");
            Assert.True(recording.GetProperty("status").GetString() == "Complete", "recording: " + recording);
            var location = recording.GetProperty("location").GetString()!;
            Assert.EndsWith($"/{containerName}/calls/{callId}.wav", location);
            var blob = await container.GetBlobClient($"calls/{callId}.wav").DownloadContentAsync();
            var bytes = blob.Value.Content.ToArray();
            Assert.Equal(bytes.Length, recording.GetProperty("sizeBytes").GetInt64());
            Assert.Equal("audio/wav", blob.Value.Details.ContentType);

            // The link from the calls API downloads the same file; the local copy is gone after the upload.
            var link = await controlPlane.Http.GetFromJsonAsync<JsonElement>($"/api/calls/{Uri.EscapeDataString(callId)}/recording");
            using var anonymous = new HttpClient();
            Assert.Equal(bytes, await anonymous.GetByteArrayAsync(link.GetProperty("url").GetString()));
            Assert.Empty(Directory.GetFiles(folder));

            // The file: stereo 16 kHz, as long as the call (answer to BYE) within half a second.
            var wav = StereoWav.Parse(bytes);
            output.WriteLine($"recorded {wav.Duration.TotalSeconds:F2} s at {wav.SampleRate} Hz, {bytes.Length} bytes");
            Assert.Equal(16000, wav.SampleRate);
            Assert.InRange(wav.Duration.TotalSeconds, CallMilliseconds / 1000.0 - 0.5, CallMilliseconds / 1000.0 + 0.5);
            Assert.Equal(wav.Duration.TotalMilliseconds, link.GetProperty("durationMs").GetInt64(), 1.0);

            // The caller's channel (left) is quiet during the lead-in and carries the question after it; the agent's
            // channel (right) carries the greeting at the start, while the caller is silent.
            var callerQuiet = wav.Rms(wav.Left, 0.3, LeadSeconds - 0.7);
            var callerSpeaking = wav.Rms(wav.Left, LeadSeconds + 0.2, LeadSeconds + 1.5);
            var agentGreeting = wav.Rms(wav.Right, 0.2, 1.5);
            var callerFirst = wav.FirstLoud(wav.Left, 500);
            output.WriteLine($"left RMS lead-in {callerQuiet:F0}, question {callerSpeaking:F0}; right RMS greeting {agentGreeting:F0}; caller first loud at {callerFirst:F2} s");
            Assert.True(callerSpeaking > 10 * Math.Max(callerQuiet, 30), $"the caller's channel does not carry the question: lead-in RMS {callerQuiet:F0}, question RMS {callerSpeaking:F0}");
            Assert.InRange(callerFirst ?? -1, LeadSeconds - 0.6, LeadSeconds + 0.6);
            Assert.True(agentGreeting > 10 * Math.Max(callerQuiet, 30), $"the agent's channel does not carry the greeting: RMS {agentGreeting:F0}");
        }
        finally
        {
            await container.DeleteIfExistsAsync();
            Directory.Delete(folder, recursive: true);
        }
    }
}
