using BenchmarkDotNet.Running;

namespace VoiceFunctions.Benchmarks;

/// <summary>Runs the benchmarks named on the command line (BenchmarkDotNet's own switches apply).</summary>
public static class BenchmarkProgram
{
    public static int Main(string[] args)
    {
        if (args is ["media-load", var calls, var seconds])
        {
            return Media.MediaLoadRun.RunAsync(int.Parse(calls), int.Parse(seconds)).GetAwaiter().GetResult();
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
