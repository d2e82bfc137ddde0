using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace VoiceFunctions.Functions.LocalHost.FunctionApp;

/// <summary>
/// The function app's HTTP and timer functions, read from the same attributes the build turns into
/// <c>functions.metadata</c> (<c>[Function]</c> with an <c>[HttpTrigger]</c> or <c>[TimerTrigger]</c> parameter), so the
/// local host serves exactly what the function app declares instead of a list kept by hand. Activities and the
/// orchestrator run in the Durable worker (<see cref="Orchestrations.CallTaskRegistry"/>).
/// </summary>
public sealed class FunctionCatalog
{
    private FunctionCatalog(IReadOnlyList<HttpFunction> http, IReadOnlyList<TimerFunction> timers)
    {
        Http = http;
        Timers = timers;
    }

    public IReadOnlyList<HttpFunction> Http { get; }
    public IReadOnlyList<TimerFunction> Timers { get; }

    /// <summary>The function classes whose instances serve the HTTP and timer functions.</summary>
    public IEnumerable<Type> FunctionClasses => Http.Select(f => f.Entry.DeclaringType!).Concat(Timers.Select(f => f.Entry.DeclaringType!)).Distinct();

    public static FunctionCatalog Of(Assembly functionApp)
    {
        var http = new List<HttpFunction>();
        var timers = new List<TimerFunction>();
        foreach (var method in functionApp.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
            {
                continue;
            }
            foreach (var parameter in method.GetParameters())
            {
                if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is { } trigger)
                {
                    http.Add(new HttpFunction(function.Name, trigger.Route ?? function.Name, trigger.Methods ?? ["get", "post"], method));
                }
                else if (parameter.GetCustomAttribute<TimerTriggerAttribute>() is { } timer)
                {
                    timers.Add(new TimerFunction(function.Name, timer.Schedule, method));
                }
            }
        }
        return new FunctionCatalog(http.OrderBy(f => f.Name, StringComparer.Ordinal).ToList(), timers.OrderBy(f => f.Name, StringComparer.Ordinal).ToList());
    }
}
