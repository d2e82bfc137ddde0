using System.CommandLine;

namespace VoiceFunctions.Cli.Commands;

/// <summary>--timeout SECONDS: how long one request to a server may take.</summary>
public static class TimeoutOption
{
    public static Option<double> Create() => new("--timeout")
    {
        HelpName = "SECONDS",
        Description = "Seconds one request may take before it counts as failed.",
        DefaultValueFactory = _ => SipCommandSupport.DefaultTimeout.TotalSeconds,
    };

    public static TimeSpan Read(ParseResult parse, Option<double> option) =>
        TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(option), 0.1, 600));
}
