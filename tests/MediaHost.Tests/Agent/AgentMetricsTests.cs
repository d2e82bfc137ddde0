using System.Diagnostics.Metrics;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.Shared.Observability;
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
        var measurements = new List<(string Name, double Value, string? Unit, object? Interrupted)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AgentMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, h.MeterFactory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => { lock (measurements) { measurements.Add((i.Name, v, i.Unit, Interrupted(tags))); } });
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => { lock (measurements) { measurements.Add((i.Name, v, i.Unit, Interrupted(tags))); } });
        listener.Start();

        await h.RunAsync();

        lock (measurements)
        {
            var v2v = measurements.Where(m => m.Name == MetricNames.TurnVoiceToVoice).ToList();
            Assert.Equal(2, v2v.Count);
            // Voice-to-voice includes the 500 ms of silence the endpointer waited; the rest is processing, which on
            // this fast-paced media clock depends on the machine's load, so it is only bounded loosely. In seconds.
            Assert.All(v2v, m => Assert.InRange(m.Value, 0.5, 3.0));
            Assert.All(measurements.Where(m => m.Name is MetricNames.TurnVoiceToVoice or MetricNames.TurnSttLatency or MetricNames.TurnLlmLatency or MetricNames.TurnTtsLatency),
                m => Assert.Equal("s", m.Unit));
            Assert.Single(measurements, m => m.Name == MetricNames.TurnBargeIns);
            Assert.Contains(measurements, m => m.Name == MetricNames.TurnSttLatency);
            Assert.Contains(measurements, m => m.Name == MetricNames.TurnLlmLatency);
            Assert.Contains(measurements, m => m.Name == MetricNames.TurnTtsLatency);
            var turns = measurements.Where(m => m.Name == MetricNames.TurnCompleted).ToList();
            Assert.Equal(h.Turns.Count, turns.Count);
            // The barged-in turn is tagged interrupted, the other one is not.
            Assert.Equal(h.Turns.Count(t => t.Interrupted), turns.Count(m => Equals(m.Interrupted, true)));
            Assert.Contains(turns, m => Equals(m.Interrupted, false));
        }
    }

    private static object? Interrupted(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == MetricTags.Interrupted)
            {
                return tag.Value;
            }
        }
        return null;
    }
}
