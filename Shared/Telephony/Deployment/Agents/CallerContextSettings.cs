namespace VoiceFunctions.Shared.Telephony.Deployment.Agents;

/// <summary>The caller-context lookup of an agent. Header values are environment-variable names, never the values.</summary>
public sealed record CallerContextSettings(string Url, TimeSpan Timeout, IReadOnlyList<CallerContextHeader> Headers);

/// <summary>A lookup header: its name and the environment variable holding its (secret) value.</summary>
public sealed record CallerContextHeader(string Name, string Variable);
