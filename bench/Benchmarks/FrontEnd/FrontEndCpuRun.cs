using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using VoiceFunctions.MediaHost.Agent.FrontEnd;
using VoiceFunctions.TestSupport.LineSimulation;

namespace VoiceFunctions.Benchmarks.FrontEnd;

/// <summary>
/// "frontend-cpu": CPU time (not wall time, which on a shared, overloaded machine measures the queue) of the front-end
/// per 20 ms frame of one call, as a share of a core: CPU per frame ÷ 20 ms. Agent talking (canceller adapting) and quiet.
/// </summary>
public static class FrontEndCpuRun
{
    public static int Run(int frames, string[] overrides)
    {
        var options = new ConfigurationBuilder().AddInMemoryCollection(overrides.Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => (string?)p[1]))
            .Build().Get<AudioFrontEndOptions>() ?? new();
        foreach (var talking in new[] { true, false })
        {
            var samples = 500 * 320;
            var sent = talking ? SignalLevels.ScaleTo(Noise.Pink(samples, seed: 1), -20) : new short[samples];
            var received = new LineSimulator(new EchoPathSettings(150, 12, ClipFraction: 0.8))
                .Run(sent, noise: SignalLevels.ScaleTo(Noise.White(samples, seed: 2), -60));
            using var frontEnd = new SpeexFrontEnd(options);
            var near = new short[320];
            for (var f = 0; f < 500; f++)
            {
                received.AsSpan(f * 320, 320).CopyTo(near);
                frontEnd.Process(sent.AsSpan(f * 320, 320), near); // warm-up: JIT, delay found, filter adapted
            }
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < frames; i++)
            {
                var f = i % 500;
                received.AsSpan(f * 320, 320).CopyTo(near);
                frontEnd.Process(sent.AsSpan(f * 320, 320), near);
            }
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - before;
            var perFrameUs = cpu.TotalMicroseconds / frames;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {(talking ? "agent talking" : "both quiet")} | {frames} | {perFrameUs:F1} µs | {perFrameUs / 20_000 * 100:F3} % |"));
        }
        return 0;
    }
}
