using System.Diagnostics.Metrics;
using VoiceFunctions.MediaHost.Agent;
using static VoiceFunctions.MediaHost.Tests.Agent.FakeLanguageModel;

namespace VoiceFunctions.MediaHost.Tests.Agent;

public sealed class AgentMetricsTests
{
    [Fact]
    public async Task Turn_latencies_and_interruptions_are_published_as_metrics()
    {
        var call = new TestCallSession(maxFrames: 400);
        var llm = new FakeLanguageModel((n, _) => n == 1 ? [Text("Our office is open from nine in the morning until six.")] : [Text("Ok.")]);
        var h = new AgentHarness(call, new FakeSpeechToText("Hours?", "Stop"), llm, new FakeTextToSpeech());
        var barged = false;
        call.OnFrame = i =>
        {
            if (i == 40)
            {
                call.Say(SyntheticAudio.Voice(-20, 600));
            }
            if (!barged && call.PlayedCount >= 30 + 15)
            {
                barged = true;
                call.Say(SyntheticAudio.Voice(-20, 800));
            }
        };
        var measurements = new List<(string Name, double Value)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AgentMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, h.MeterFactory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((i, v, _, _) => { lock (measurements) { measurements.Add((i.Name, v)); } });
        listener.SetMeasurementEventCallback<long>((i, v, _, _) => { lock (measurements) { measurements.Add((i.Name, v)); } });
        listener.Start();

        await h.RunAsync();

        lock (measurements)
        {
            var v2v = measurements.Where(m => m.Name == "agent.voice_to_voice").Select(m => m.Value).ToList();
            Assert.Equal(2, v2v.Count);
            // Voice-to-voice includes the 500 ms of silence the endpointer waited; the rest is processing, which on
            // this fast-paced media clock depends on the machine's load, so it is only bounded loosely.
            Assert.All(v2v, v => Assert.InRange(v, 500, 3000));
            Assert.Single(measurements, m => m.Name == "agent.interruptions");
            Assert.Contains(measurements, m => m.Name == "agent.stt.latency");
            Assert.Contains(measurements, m => m.Name == "agent.llm.time_to_first_token");
            Assert.Contains(measurements, m => m.Name == "agent.tts.time_to_first_audio");
            Assert.Equal(h.Turns.Count, measurements.Count(m => m.Name == "agent.turns"));
        }
    }
}
