using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace VoiceFunctions.Functions.LocalHost.FunctionApp;

/// <summary>
/// Binds a function's parameters as the Functions host does for the kinds this app uses: the HTTP request, a route
/// value (a string named after it), the Durable client, the timer's info and the cancellation token. A parameter of
/// any other kind is refused when the host starts, naming the function.
/// </summary>
public static class FunctionArguments
{
    public static void EnsureBindable(string function, MethodInfo entry)
    {
        foreach (var p in entry.GetParameters())
        {
            if (!IsBindable(p.ParameterType))
            {
                throw new NotSupportedException($"function {function}: the local host cannot bind parameter '{p.Name}' of type {p.ParameterType.Name}");
            }
        }
    }

    public static object?[] ForHttp(MethodInfo entry, HttpContext context) =>
        entry.GetParameters().Select(p => p.ParameterType switch
        {
            var t when t == typeof(HttpRequest) => context.Request,
            var t when t == typeof(string) => context.Request.RouteValues.TryGetValue(p.Name!, out var v) ? v?.ToString() : null,
            _ => Common(p.ParameterType, context.RequestServices, context.RequestAborted),
        }).ToArray();

    public static object?[] ForTimer(MethodInfo entry, IServiceProvider services, CancellationToken ct) =>
        entry.GetParameters().Select(p => Common(p.ParameterType, services, ct)).ToArray();

    private static object? Common(Type type, IServiceProvider services, CancellationToken ct) => type switch
    {
        var t when t == typeof(CancellationToken) => ct,
        var t when t == typeof(DurableTaskClient) => services.GetRequiredService<DurableTaskClient>(),
        var t when t == typeof(TimerInfo) => new TimerInfo(),
        _ => throw new NotSupportedException("unbindable parameter type " + type.Name),
    };

    private static bool IsBindable(Type t) =>
        t == typeof(HttpRequest) || t == typeof(string) || t == typeof(CancellationToken) || t == typeof(DurableTaskClient) || t == typeof(TimerInfo);
}
