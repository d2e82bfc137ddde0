using VoiceFunctions.MediaHost.Media;

namespace VoiceFunctions.MediaHost.Tests.Media;

/// <summary>The media threads' scheduling weight (nice −10 on Linux where the process may; normal elsewhere).</summary>
public class MediaThreadPriorityTests
{
    [SkippableFact]
    public void A_media_thread_gets_nice_minus_10_where_the_process_may_raise_it_and_keeps_the_normal_weight_where_it_may_not()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "nice values are Linux scheduling");
        bool raised = false;
        int nice = int.MinValue, otherNice = int.MinValue;
        var thread = new Thread(() =>
        {
            raised = MediaThreadPriority.TryRaiseCurrentThread();
            nice = NiceOfThisThread();
        });
        thread.Start();
        thread.Join();
        var other = new Thread(() => otherNice = NiceOfThisThread());
        other.Start();
        other.Join();

        // Root (CI, a container with CAP_SYS_NICE) may lower nice; an unprivileged user may not.
        var mayRaise = Environment.UserName == "root";
        Assert.Equal(mayRaise, raised);
        Assert.Equal(mayRaise ? MediaThreadPriority.Nice : 0, nice);
        Assert.Equal(0, otherNice); // only the media thread itself: the process and its other threads keep their weight
    }

    // Field 19 of /proc/thread-self/stat is the thread's nice value (the name in field 2 may contain spaces: skip past ')').
    private static int NiceOfThisThread()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[19 - 3]);
    }
}
