using System.Text.Json;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests;

/// <summary>
/// The whole system on loopback, as run.sh runs it: the local control plane (direct mode, Azurite), the MediaHost
/// process with the offline providers, and a real sipp caller speaking a synthesised question.
/// </summary>
[Trait("Category", "System")]
public sealed class DemoCallTests
{
    [SkippableFact]
    public async Task Demo_call_is_answered_by_voice_and_finalized_as_completed_with_its_turns()
    {
        await using var controlPlane = await LocalControlPlane.StartAsync();
        // A misheard "bye" or "operator" must not let the agent end the call under test: this dialog has no such intents.
        var dialog = new Dictionary<string, string> { ["AiLoop__Providers__DialogScriptPath"] = Path.Combine(AppContext.BaseDirectory, "demo-dialog.yaml") };
        await using var mediaHost = await MediaHostProcess.StartAsync(controlPlane.BaseUrl, controlPlane.EventsSecret, dialog);
        using var capture = await LoopbackCapture.StartAsync(mediaHost.RtpPortMin, mediaHost.RtpPortMax);
        using (var caller = await DemoCaller.StartAsync(mediaHost.SipEndpoint, "What are your opening hours?", leadSeconds: 4, callMilliseconds: 20000))
        {
            var (exitCode, output) = await caller.WaitAsync();
            Assert.True(exitCode == 0, $"sipp failed:\n{output}\nMediaHost:\n{Tail(mediaHost.Log)}");
        }
        var call = await controlPlane.WaitForFinalizedCallAsync(TimeSpan.FromSeconds(30));
        var sent = await capture.StopAsync();

        // The record: finalized as completed because the caller hung up, answered, with the greeting and one answered question.
        var record = call.GetProperty("record");
        Assert.Equal("Completed", record.GetProperty("outcome").GetString());
        Assert.True(record.GetProperty("endReason").GetString() == "CallerHangUp",
            $"ended as {record.GetProperty("endReason").GetString()}: {(record.TryGetProperty("reasonText", out var reasonText) ? reasonText.ToString() : "")}; turns: {call.GetProperty("turns")}");
        Assert.Equal("+15552223333", record.GetProperty("callerNumber").GetString());
        Assert.Equal(JsonValueKind.String, record.GetProperty("answeredAt").ValueKind);
        var turns = call.GetProperty("turns").EnumerateArray().ToList();
        Assert.True(turns.Count >= 2, "turns: " + call.GetProperty("turns"));
        Assert.Equal("Hello! How can I help you?", turns[0].GetProperty("agentText").GetString());
        var answer = turns.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t.GetProperty("callerText").GetString()));
        Assert.True(answer.ValueKind == JsonValueKind.Object, "no turn heard the caller: " + call.GetProperty("turns"));
        // The offline STT on 8 kHz synthetic speech is rough, so the exact words are not asserted; the scripted
        // dialog answers every utterance (an intent's reply or its no-match line), which is what the caller hears.
        Assert.False(string.IsNullOrWhiteSpace(answer.GetProperty("agentText").GetString()));
        Assert.True(answer.GetProperty("responseLatencyMs").GetInt32() > 0);
        Assert.Equal(turns.Count, record.GetProperty("turnCount").GetInt32());

        // What the caller received on the wire: RTP µ-law with speech energy both for the greeting and for the answer,
        // which starts after the question (lead-in silence + the question, about 5.5 s into the call).
        var pcm = sent.Where(p => p.Length > 12 && (p[1] & 0x7F) == 0).SelectMany(p => p.Skip(12)).Select(MuLawToLinear).ToArray();
        var speechSeconds = LoudFrames(pcm, 0, pcm.Length) * 0.02;
        var answerSpeech = LoudFrames(pcm, 8000 * 6, pcm.Length) * 0.02;
        Assert.True(speechSeconds >= 2.0, $"{speechSeconds:F2} s of agent speech sent in {pcm.Length / 8000.0:F1} s of RTP");
        Assert.True(answerSpeech >= 1.0, $"{answerSpeech:F2} s of agent speech after the question");
    }

    private static int LoudFrames(short[] pcm, int from, int to)
    {
        var loud = 0;
        for (var start = from; start + 160 <= Math.Min(to, pcm.Length); start += 160)
        {
            double sum = 0;
            for (var i = start; i < start + 160; i++)
            {
                sum += (double)pcm[i] * pcm[i];
            }
            if (Math.Sqrt(sum / 160) > 500)
            {
                loud++;
            }
        }
        return loud;
    }

    /// <summary>G.711 µ-law to linear (ITU-T G.711).</summary>
    private static short MuLawToLinear(byte b)
    {
        var u = ~b & 0xFF;
        var t = ((u & 0x0F) << 3) + 0x84;
        t <<= (u & 0x70) >> 4;
        return (short)((u & 0x80) != 0 ? 0x84 - t : t - 0x84);
    }

    private static string Tail(string log) => log.Length > 4000 ? log[^4000..] : log;
}
