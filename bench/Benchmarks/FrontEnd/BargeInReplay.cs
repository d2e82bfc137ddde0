using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Agent.FrontEnd;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.Benchmarks.FrontEnd;

/// <summary>
/// "frontend-replay PATH [from=FRAME] [to=FRAME]": replays a call written by <see cref="RecordingFrontEnd"/> (the RTP
/// bench's dump=DIR) through a new front-end and the listener's decisions (Silero VAD, echo guard, endpointer, barge-in)
/// and prints them frame by frame: what the canceller removed, the residual it expected, what the VAD and the guard said.
/// Deterministic, so a missed or false barge-in over RTP can be studied offline. A diagnosis tool, it records nothing.
/// </summary>
public static class BargeInReplay
{
    public static int Run(string[] args)
    {
        if (Directory.Exists(args[0]))
        {
            return Summary(args[0]);
        }
        var path = args[0];
        var from = Arg(args, "from=", 0);
        var to = Arg(args, "to=", int.MaxValue);
        var far = MemoryMarshal.Cast<byte, short>(File.ReadAllBytes(path + ".far.raw")).ToArray();
        var near = MemoryMarshal.Cast<byte, short>(File.ReadAllBytes(path + ".near.raw")).ToArray();
        var options = new AiLoopOptions { Language = "en-US" };
        using var silero = new SileroVadFactory(new SileroVadOptions(), new VadOptions(), NullLogger<SileroVadFactory>.Instance);
        var vad = silero.Model is null ? new EnergyVoiceActivityDetector(new VadOptions()) : silero.Create();
        using var frontEnd = new SpeexFrontEnd(new AudioFrontEndOptions());
        var guard = new EchoGuard(options.BargeIn.EchoMarginDb);
        var endpointer = new Endpointer(options.EndpointingFor(options.Language), options.Language);
        var bargeIn = BargeInDetector.For(options.BargeIn);
        const int n = AudioFormat.SamplesPerFrame;
        var frame = new short[n];
        var inTurn = false;
        Console.WriteLine("frame | far dBFS | near dBFS | out dBFS | residual dBFS | linear loss | delay ms | restarts | gate | vad | echo? | endpoint | barge-in");
        for (var f = 0; f * n + n <= near.Length; f++)
        {
            near.AsSpan(f * n, n).CopyTo(frame);
            var nearDb = EnergyVoiceActivityDetector.LevelDbfs(frame);
            var farSpan = far.AsSpan(f * n, n);
            var cleaned = frontEnd.Process(farSpan, frame);
            var callerFrame = new CallerFrame(frame, EnergyVoiceActivityDetector.LevelDbfs(farSpan), true, cleaned, 0);
            var activity = vad.Process(frame);
            var isEcho = guard.IsEcho(callerFrame.EchoLevelDbfs, activity.LevelDbfs);
            var isSpeech = activity.IsSpeech && !isEcho;
            var endpoint = endpointer.OnFrame(isSpeech);
            if (endpoint is EndpointEvent.SpeechStarted or EndpointEvent.TurnConfirmed && !inTurn)
            {
                inTurn = true;
                bargeIn.TurnStarted();
            }
            var barged = inTurn && bargeIn.OnFrame(isSpeech, true);
            if (endpoint is EndpointEvent.SpeechDiscarded or EndpointEvent.TurnEndedBySilence or EndpointEvent.TurnEndedByMaxLength)
            {
                inTurn = false;
            }
            if (f >= from && f <= to)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{f} | {callerFrame.FarEndLevelDbfs:F0} | {nearDb:F0} | {activity.LevelDbfs:F0} | {callerFrame.EchoLevelDbfs:F0} | {frontEnd.LinearLossDb:F1} | {frontEnd.AlignedDelaySamples / 16} | {frontEnd.Restarts} | {(frontEnd.EchoGateActive ? "on" : "")} | {(activity.IsSpeech ? "S" : "")} | {(isEcho ? "E" : "")} | {(endpoint == EndpointEvent.None ? "" : endpoint)} | {(barged ? "BARGE-IN" : "")}"));
            }
        }
        (vad as IDisposable)?.Dispose();
        return 0;
    }

    /// <summary>Every dumped call of a directory: barge-ins before the caller spoke (false), the first one after (ms after
    /// the caller's start; the call's own decision until then, since the dump holds what the front-end was given), the
    /// canceller's restarts and what it removed before the caller spoke.</summary>
    private static int Summary(string directory)
    {
        Console.WriteLine("| call | false barge-ins | barge-in after the caller's start | restarts | linear loss before the caller (mean) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        int missed = 0, spoken = 0, falseTotal = 0;
        foreach (var near in Directory.GetFiles(directory, "*.near.raw").Order(StringComparer.Ordinal))
        {
            var path = near[..^".near.raw".Length];
            var callerFrame = File.Exists(path + ".txt") && int.TryParse(File.ReadAllText(path + ".txt").Split(' ').Last().Trim(), out var at) ? at : int.MaxValue;
            var trace = Trace(path);
            var falseBargeIns = trace.BargeIns.Count(f => f < callerFrame);
            int? after = trace.BargeIns.FirstOrDefault(f => f >= callerFrame) is var first && first >= callerFrame && first > 0 ? first : null;
            var lossBefore = trace.LinearLoss.Take(Math.Min(callerFrame, trace.LinearLoss.Count)).Where(l => !double.IsNaN(l)).DefaultIfEmpty(double.NaN).Average();
            spoken += callerFrame == int.MaxValue ? 0 : 1;
            missed += callerFrame != int.MaxValue && after is null ? 1 : 0;
            falseTotal += falseBargeIns;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {Path.GetFileName(path)} | {falseBargeIns} | {(after is { } f ? $"{(f - callerFrame) * 20} ms" : callerFrame == int.MaxValue ? "–" : "missed")} | {trace.Restarts} | {lossBefore:F1} dB |"));
        }
        Console.WriteLine($"missed {missed} of {spoken}; false barge-ins {falseTotal}");
        return 0;
    }

    private sealed record CallTrace(List<int> BargeIns, List<double> LinearLoss, int Restarts);

    private static CallTrace Trace(string path)
    {
        var far = MemoryMarshal.Cast<byte, short>(File.ReadAllBytes(path + ".far.raw")).ToArray();
        var near = MemoryMarshal.Cast<byte, short>(File.ReadAllBytes(path + ".near.raw")).ToArray();
        var options = new AiLoopOptions { Language = "en-US" };
        using var silero = new SileroVadFactory(new SileroVadOptions(), new VadOptions(), NullLogger<SileroVadFactory>.Instance);
        var vad = silero.Model is null ? new EnergyVoiceActivityDetector(new VadOptions()) : silero.Create();
        using var frontEnd = new SpeexFrontEnd(new AudioFrontEndOptions());
        var guard = new EchoGuard(options.BargeIn.EchoMarginDb);
        var endpointer = new Endpointer(options.EndpointingFor(options.Language), options.Language);
        var bargeIn = BargeInDetector.For(options.BargeIn);
        const int n = AudioFormat.SamplesPerFrame;
        var frame = new short[n];
        var inTurn = false;
        var bargeIns = new List<int>();
        var loss = new List<double>();
        // The agent's turn runs until a second after its last frame played (its pauses between sentences are part of it).
        var lastAgentFrame = 0;
        for (var f = 0; f * n + n <= far.Length; f++)
        {
            lastAgentFrame = far.AsSpan(f * n, n).ContainsAnyExcept((short)0) ? f : lastAgentFrame;
        }
        for (var f = 0; f * n + n <= near.Length; f++)
        {
            near.AsSpan(f * n, n).CopyTo(frame);
            var farSpan = far.AsSpan(f * n, n);
            var cleaned = frontEnd.Process(farSpan, frame);
            loss.Add(cleaned.FarEndActive ? frontEnd.LinearLossDb : double.NaN);
            var callerFrame = new CallerFrame(frame, EnergyVoiceActivityDetector.LevelDbfs(farSpan), true, cleaned, 0);
            var activity = vad.Process(frame);
            var isEcho = guard.IsEcho(callerFrame.EchoLevelDbfs, activity.LevelDbfs); // every slot, as the listener does
            var isSpeech = activity.IsSpeech && !isEcho;
            var endpoint = endpointer.OnFrame(isSpeech);
            if (endpoint is EndpointEvent.SpeechStarted or EndpointEvent.TurnConfirmed && !inTurn)
            {
                inTurn = true;
                bargeIn.TurnStarted();
            }
            if (inTurn && bargeIn.OnFrame(isSpeech, f <= lastAgentFrame + 50))
            {
                bargeIns.Add(f);
            }
            if (endpoint is EndpointEvent.SpeechDiscarded or EndpointEvent.TurnEndedBySilence or EndpointEvent.TurnEndedByMaxLength)
            {
                inTurn = false;
            }
        }
        (vad as IDisposable)?.Dispose();
        return new CallTrace(bargeIns, loss, frontEnd.Restarts);
    }

    private static int Arg(string[] args, string prefix, int fallback) =>
        args.FirstOrDefault(a => a.StartsWith(prefix, StringComparison.Ordinal)) is { } a ? int.Parse(a[prefix.Length..], CultureInfo.InvariantCulture) : fallback;
}
