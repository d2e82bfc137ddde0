using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace VoiceFunctions.MediaHost.Providers.Offline;

/// <summary>
/// The few dedicated threads every decoder's work runs on, as a <see cref="TaskScheduler"/>: a stream's decode loop is
/// started here and its awaits resume here, so at most <see cref="MaximumConcurrencyLevel"/> decoders use a core at
/// once whatever the number of callers speaking, work is taken in arrival order (a frame of each stream in turn), and
/// the threads ask Linux for a lower weight (nice) than the media threads and the thread pool. Media never pays for
/// recognition: when the cores are short, the transcript is late, not the audio.
/// </summary>
internal sealed partial class DecodingThreads : TaskScheduler, IDisposable
{
    private const int PriorityProcess = 0; // PRIO_PROCESS with a thread id: that thread alone on Linux

    private readonly BlockingCollection<Task> _work = [];
    private readonly Thread[] _threads;
    private readonly int _nice;
    private int _lowered;

    public DecodingThreads(int count, int nice)
    {
        _nice = nice;
        _threads = new Thread[count > 0 ? count : Environment.ProcessorCount];
        for (var i = 0; i < _threads.Length; i++)
        {
            _threads[i] = new Thread(Run) { IsBackground = true, Name = $"pocketsphinx decoding {i}" };
            _threads[i].Start();
        }
    }

    public override int MaximumConcurrencyLevel => _threads.Length;

    /// <summary>Decoding threads whose weight Linux lowered (0 where it refused or is not Linux).</summary>
    public int Lowered => Volatile.Read(ref _lowered);

    /// <summary>Runs <paramref name="work"/> on these threads; its awaits (with the default ConfigureAwait(true)) come back here.</summary>
    public Task Run(Func<Task> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, this).Unwrap();

    protected override void QueueTask(Task task)
    {
        try
        {
            _work.Add(task);
        }
        catch (InvalidOperationException)
        {
            // Shut down (the recogniser was disposed): the last streams finish on the thread pool.
            ThreadPool.UnsafeQueueUserWorkItem(_ => TryExecuteTask(task), null);
        }
    }

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        Array.IndexOf(_threads, Thread.CurrentThread) >= 0 && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _work.ToArray();

    public void Dispose() => _work.CompleteAdding();

    private void Run()
    {
        if (OperatingSystem.IsLinux() && _nice != 0)
        {
            try
            {
                if (SetPriority(PriorityProcess, GetThreadId(), _nice) == 0)
                {
                    Interlocked.Increment(ref _lowered);
                }
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                // Not glibc: the threads keep the normal weight; the bound on their number still holds.
            }
        }
        foreach (var task in _work.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}
