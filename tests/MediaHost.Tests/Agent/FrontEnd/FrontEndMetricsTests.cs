using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Agent.FrontEnd;

namespace VoiceFunctions.MediaHost.Tests.Agent.FrontEnd;

public sealed class FrontEndMetricsTests
{
    [Fact]
    public void When_a_call_ends_its_mean_erle_and_double_talk_time_are_recorded()
    {
        using var sp = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new FrontEndMetrics(sp.GetRequiredService<IMeterFactory>());
        var recorded = new Dictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AgentMetrics.MeterName && instrument.Name.StartsWith("voicefunctions.frontend.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => recorded[instrument.Name] = value);
        listener.Start();
        var frontEnd = new MeteredFrontEnd(new ScriptedFrontEnd(), metrics);

        var frame = new short[320];
        for (var i = 0; i < 50; i++)
        {
            frontEnd.Process(frame, frame);
        }
        frontEnd.Dispose();

        Assert.Equal(25, recorded[FrontEndMetrics.CallErle], 3); // mean over the 30 frames with the agent talking
        Assert.Equal(0.2, recorded[FrontEndMetrics.CallDoubleTalk], 3); // 10 frames of 20 ms
        Assert.Equal(30, frontEnd.Stats.FarEndActiveFrames);
    }

    /// <summary>A fake front-end (no audio processing) reporting a fixed story: 20 quiet frames, then 30 frames of the
    /// agent talking at 20 then 30 dB ERLE, the caller talking over it in the last 10.</summary>
    private sealed class ScriptedFrontEnd : IAudioFrontEnd
    {
        private int _frame;

        public FrontEndFrame Process(ReadOnlySpan<short> farEnd, Span<short> nearEnd)
        {
            var n = _frame++;
            return n < 20 ? default : new FrontEndFrame(true, n >= 40, n < 35 ? 20f : 30f);
        }

        public void Dispose()
        {
        }
    }
}
