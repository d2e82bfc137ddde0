using Microsoft.Extensions.Configuration;

namespace VoiceFunctions.Functions.LocalHost.FunctionApp;

/// <summary>Resolves a timer's declared schedule as the Functions host does: <c>%Name%</c> is the app setting Name.</summary>
public static class TimerSchedules
{
    public static string Resolve(TimerFunction function, IConfiguration configuration)
    {
        var declared = function.Schedule;
        if (!(declared.Length > 2 && declared.StartsWith('%') && declared.EndsWith('%')))
        {
            return declared;
        }
        var setting = declared[1..^1];
        return configuration[setting] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"the {function.Name} timer's schedule setting {setting} is not set (NCRONTAB with seconds, e.g. \"0 */5 * * * *\")");
    }
}
