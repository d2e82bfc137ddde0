using System.Text.Json;
using VoiceFunctions.Shared.LiveKit.Auth;

namespace VoiceFunctions.Cli.Tokens;

/// <summary>Reads token create's --attribute, --kind, --room-config and --agent values into claims, with a clear reason when one is wrong.</summary>
public static class TokenClaimsOptions
{
    /// <summary>LiveKit's kind claim values (lower-case ParticipantInfo.Kind names).</summary>
    public static readonly IReadOnlyList<string> Kinds = ["standard", "ingress", "egress", "sip", "agent", "connector", "bridge"];

    public static bool TryParseAttributes(IReadOnlyList<string> pairs, out Dictionary<string, string> attributes, out string? problem)
    {
        attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                problem = $"--attribute '{pair}' is not KEY=VALUE";
                return false;
            }
            attributes[pair[..equals]] = pair[(equals + 1)..];
        }
        problem = null;
        return true;
    }

    /// <summary>The roomConfig claim from --room-config (JSON or @FILE) plus one agent dispatch per --agent.</summary>
    public static bool TryBuildRoomConfiguration(string? json, IReadOnlyList<string> agents, out RoomConfiguration? configuration, out string? problem)
    {
        configuration = null;
        problem = null;
        if (json is not null)
        {
            string text;
            try
            {
                text = json.StartsWith('@') ? File.ReadAllText(json[1..]) : json;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problem = $"--room-config {json}: {e.Message}";
                return false;
            }
            try
            {
                configuration = JsonSerializer.Deserialize<RoomConfiguration>(text, new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
            }
            catch (JsonException e)
            {
                problem = $"--room-config is not RoomConfiguration JSON (e.g. {{\"emptyTimeout\":60}}): {e.Message}";
                return false;
            }
            if (configuration is null)
            {
                problem = "--room-config is null; give a JSON object";
                return false;
            }
        }
        if (agents.Count > 0)
        {
            configuration ??= new RoomConfiguration();
            var list = new List<RoomAgentDispatch>(configuration.Agents ?? []);
            foreach (var agent in agents)
            {
                var colon = agent.IndexOf(':');
                var name = colon < 0 ? agent : agent[..colon];
                if (name.Length == 0)
                {
                    problem = $"--agent '{agent}' has no agent name (NAME or NAME:METADATA)";
                    return false;
                }
                list.Add(new RoomAgentDispatch { AgentName = name, Metadata = colon < 0 ? null : agent[(colon + 1)..] });
            }
            configuration.Agents = list;
        }
        return true;
    }
}
