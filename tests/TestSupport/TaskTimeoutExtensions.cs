namespace VoiceFunctions.TestSupport;

/// <summary>Every await on code under test gets a bound, so a bug makes a test fail instead of hang.</summary>
public static class TaskTimeoutExtensions
{
    public static readonly TimeSpan Standard = TimeSpan.FromSeconds(30);

    public static Task DefaultTimeout(this Task task) => task.WaitAsync(Standard);

    public static Task<T> DefaultTimeout<T>(this Task<T> task) => task.WaitAsync(Standard);

    public static Task<T> WithTimeout<T>(this Task<T> task, TimeSpan timeout) => task.WaitAsync(timeout);
}
