using VoiceFunctions.Shared.Telephony.Deployment.Model;
using VoiceFunctions.Shared.Telephony.Routing;

namespace VoiceFunctions.Cli.Simulation;

/// <summary>A dispatch rule as the walk needs it: LiveKit's matching view, where it is written, and how it names rooms.</summary>
public sealed record SimRule(RoutingRule Routing, int? Line, DispatchRuleType Type, string? RoomName, string Prefix, bool Randomize)
{
    /// <summary>The room LiveKit puts the caller in; "&lt;random&gt;" stands for LiveKit's random suffix.</summary>
    public string RoomFor(string caller, string called) => Type switch
    {
        DispatchRuleType.Direct => RoomName ?? "",
        DispatchRuleType.Individual => $"{Prefix}_{caller}" + (Randomize ? "_<random>" : ""),
        _ => $"{Prefix}_{called}" + (Randomize ? "_<random>" : ""),
    };
}
