namespace VoiceFunctions.Benchmarks.Recognition;

public static class RecognitionCpuRun
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(0);
}
