using System.Runtime.InteropServices;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// Raises the calling thread's scheduling weight on Linux (nice −10), for the threads that carry audio on time: the
/// media clock and the RTP receive loops. .NET's Thread.Priority does not change scheduling on Linux, so near full
/// load these few threads would get only an equal share against every thread-pool worker (the audio loops, HTTP) and
/// the clock would fall behind and stay behind. Best effort: without CAP_SYS_NICE (an unprivileged container) the
/// kernel refuses, the thread keeps the normal weight, and <see cref="Raised"/> says so in /metrics and the log.
/// </summary>
public static partial class MediaThreadPriority
{
    /// <summary>The nice value asked for: −10 weighs a thread about 9× a normal one in the Linux scheduler.</summary>
    public const int Nice = -10;

    private const int PriorityProcess = 0; // PRIO_PROCESS: with a thread id, that thread alone on Linux

    private static int s_raised;
    private static int s_refused;

    /// <summary>Media threads whose weight was raised.</summary>
    public static int Raised => Volatile.Read(ref s_raised);

    /// <summary>Media threads the system kept at the normal weight (no permission, or not Linux).</summary>
    public static int Refused => Volatile.Read(ref s_refused);

    /// <summary>Raises the calling thread; returns whether the system allowed it.</summary>
    public static bool TryRaiseCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            Interlocked.Increment(ref s_refused);
            return false;
        }
        try
        {
            var raised = SetPriority(PriorityProcess, GetThreadId(), Nice) == 0;
            Interlocked.Increment(ref raised ? ref s_raised : ref s_refused);
            return raised;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            Interlocked.Increment(ref s_refused);
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}
