using BenchmarkDotNet.Running;

namespace VoiceFunctions.Benchmarks;

/// <summary>Runs the benchmarks named on the command line (BenchmarkDotNet's own switches apply).</summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
