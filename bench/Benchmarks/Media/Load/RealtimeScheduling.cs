using System.Runtime.InteropServices;

namespace VoiceFunctions.Benchmarks.Media.Load;

/// <summary>
/// Optionally puts the generator's streaming thread in the kernel's real-time FIFO class, so that on a busy machine
/// it still sends on time like phones on their own hardware would (the host then gets what CPU is left, which is
/// what it would have with remote callers). Needs root or CAP_SYS_NICE; the thread sleeps every 1 ms step, so it
/// cannot monopolise a core. Off unless the environment sets <see cref="Variable"/>=1.
/// </summary>
internal static partial class RealtimeScheduling
{
    public const string Variable = "LOADGEN_REALTIME";
    private const int SchedFifo = 1;
    private const int Priority = 10;   // low among real-time priorities: kernel threads above it stay ahead

    public static bool Requested => Environment.GetEnvironmentVariable(Variable) == "1";

    /// <summary>Moves the calling thread into SCHED_FIFO; returns why not when it cannot.</summary>
    public static string? TryEnableForCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "not Linux";
        }
        var priority = Priority;
        // sched_setscheduler(0, …) applies to the calling thread on Linux.
        return SchedSetScheduler(0, SchedFifo, ref priority) == 0 ? null : $"sched_setscheduler failed, errno {Marshal.GetLastPInvokeError()}";
    }

    [LibraryImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    private static partial int SchedSetScheduler(int pid, int policy, ref int priority);
}
