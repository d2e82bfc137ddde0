using System.Reflection;

namespace VoiceFunctions.Functions.LocalHost.FunctionApp;

/// <summary>An HTTP-triggered function of the function app: its name, route (without the host's prefix), methods and entry.</summary>
public sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods, MethodInfo Entry);
