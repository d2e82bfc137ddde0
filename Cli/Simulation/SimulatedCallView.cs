namespace VoiceFunctions.Cli.Simulation;

/// <summary>The simulated call as printed in JSON (addresses as text).</summary>
public sealed record SimulatedCallView(string From, string To, string? SourceAddress, string Transport, string? AuthUser)
{
    public static SimulatedCallView Of(SimulatedCall call) =>
        new(call.From, call.To, call.Source?.ToString(), call.Transport.ToString().ToLowerInvariant(), call.AuthUser);
}
