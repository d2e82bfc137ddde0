using System.Reflection;

namespace VoiceFunctions.Functions.LocalHost.FunctionApp;

/// <summary>A timer-triggered function of the function app: its name, its schedule as written (<c>%Setting%</c> or NCRONTAB) and entry.</summary>
public sealed record TimerFunction(string Name, string Schedule, MethodInfo Entry);
