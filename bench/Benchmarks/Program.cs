using BenchmarkDotNet.Running;

namespace VoiceFunctions.Benchmarks;

/// <summary>Runs the benchmarks named on the command line (BenchmarkDotNet's own switches apply).</summary>
public static class BenchmarkProgram
{
    public static int Main(string[] args)
    {
        // Load runs that are not BenchmarkDotNet benchmarks: "agent-load" (Agent/AgentLoadRunner.cs),
        // "recognition-accuracy [subset] [OUT.md]" and "recognition-cpu STREAMS" (Recognition/),
        // "media-load CALLS SECONDS" (Media/MediaLoadRun.cs),
        // "media-capacity CALLS SECONDS" (Media/MediaCapacityRun.cs, which starts "media-capacity-generator" as its far end) and "webhook-load" (ControlPlane/WebhookLoadRunner.cs).
        if (args.Length > 0 && args[0] == "agent-load")
        {
            return Agent.AgentLoadRunner.RunAsync(args[1..]).GetAwaiter().GetResult();
        }
        if (args.Length > 0 && args[0] == "providers-load")
        {
            return Providers.ProviderChainRun.RunAsync(args[1..]).GetAwaiter().GetResult();
        }
        if (args is ["frontend-cpu", var cpuFrames, .. var cpuOverrides])
        {
            return FrontEnd.FrontEndCpuRun.Run(int.Parse(cpuFrames), cpuOverrides); // FrontEnd/FrontEndCpuRun.cs: CPU per call of the audio front-end
        }
        if (args is ["frontend-bargein", ..])
        {
            return FrontEnd.BargeInLineRun.Run(args[1..]); // FrontEnd/BargeInLineRun.cs: barge-in decisions on simulated lines (speexdsp + Silero)
        }
        if (args is ["frontend-replay", ..])
        {
            return FrontEnd.BargeInReplay.Run(args[1..]); // FrontEnd/BargeInReplay.cs: a dumped RTP call replayed frame by frame
        }
        if (args is ["frontend-bargein-rtp", ..])
        {
            return FrontEnd.RtpBargeInRun.RunAsync(args[1..]).GetAwaiter().GetResult(); // FrontEnd/RtpBargeInRun.cs: barge-in over real RTP with line echo
        }
        if (args.Length > 0 && args[0] == "frontend-quality")
        {
            return FrontEnd.FrontEndQualityRun.Run(args[1..]); // FrontEnd/FrontEndQualityRun.cs: echo and noise figures of the audio front-end
        }
        if (args.Length > 0 && args[0] == "recognition-accuracy")
        {
            return Recognition.RecognitionAccuracyRun.RunAsync(args[1..]).GetAwaiter().GetResult();
        }
        if (args.Length > 0 && args[0] == "recognition-evidence")
        {
            return Recognition.RecognitionEvidenceRun.RunAsync(args[1..]).GetAwaiter().GetResult(); // both searches' hypotheses and scores per utterance (tuning)
        }
        if (args.Length > 0 && args[0] == "recognition-cmn-prior")
        {
            return Recognition.CepstralMeanCalibrationRun.RunAsync(args[1..]).GetAwaiter().GetResult(); // the phone-line cepstral mean a new caller starts from
        }
        if (args.Length > 0 && args[0] == "recognition-cpu")
        {
            return Recognition.RecognitionCpuRun.RunAsync(args[1..]).GetAwaiter().GetResult();
        }
        if (args.Length > 0 && args[0] == "webhook-load")
        {
            return ControlPlane.WebhookLoadRunner.RunAsync(args[1..]).GetAwaiter().GetResult();
        }
        if (args.Length > 0 && args[0] == "azurite-table-scan")
        {
            return ControlPlane.AzuriteTableScanRun.RunAsync(args[1..]).GetAwaiter().GetResult(); // what a table query costs on Azurite as the table grows
        }
        if (args is ["media-capacity", var capacityCalls, var capacitySeconds])
        {
            return Media.MediaCapacityRun.RunAsync(int.Parse(capacityCalls), int.Parse(capacitySeconds)).GetAwaiter().GetResult();
        }
        if (args is ["media-capacity-generator", ..])
        {
            return Media.SipRtpLoadGenerator.Run(args[1..]);
        }
        if (args is ["media-load", var calls, var seconds])
        {
            return Media.MediaLoadRun.RunAsync(int.Parse(calls), int.Parse(seconds)).GetAwaiter().GetResult();
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
