using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.Shared.Telephony.Deployment.Sync;

/// <summary>
/// Writes LiveKit's current trunks and rules as a voice.yaml, the starting point for an existing setup.
/// Credentials are never written: each trunk with credentials gets ${NAME_SIP_USER}/${NAME_SIP_PASSWORD}
/// references, and the comment at the top lists the variables to set before plan or apply.
/// </summary>
public static class SipStateExporter
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Export(SipState remote, string liveKitUrl, DateTimeOffset exportedAt)
    {
        var state = remote.WithTrunkNames();
        var variables = new List<string>();
        var yaml = new StringBuilder();
        var body = new StringBuilder();

        body.Append("version: 1\nlivekit:\n  url: ").Append(Q(liveKitUrl)).Append("\n  api_key: ${LIVEKIT_API_KEY}\n  api_secret: ${LIVEKIT_API_SECRET}\n");
        if (state.InboundTrunks.Count > 0)
        {
            body.Append("inbound_trunks:\n");
        }
        foreach (var trunk in state.InboundTrunks)
        {
            body.Append("  - name: ").Append(Q(trunk.Name)).Append('\n');
            ListLine(body, "numbers", trunk.Numbers);
            ListLine(body, "allowed_addresses", trunk.AllowedAddresses);
            ListLine(body, "allowed_numbers", trunk.AllowedNumbers);
            Auth(body, trunk.Name, trunk.AuthUsername, trunk.AuthPassword, trunk.AuthRealm, variables);
            MapLine(body, "headers_to_attributes", trunk.HeadersToAttributes);
            BoolLine(body, "krisp", trunk.KrispEnabled);
            EncryptionLine(body, trunk.MediaEncryption);
            TextLine(body, "metadata", trunk.Metadata);
        }
        if (state.OutboundTrunks.Count > 0)
        {
            body.Append("outbound_trunks:\n");
        }
        foreach (var trunk in state.OutboundTrunks)
        {
            body.Append("  - name: ").Append(Q(trunk.Name)).Append('\n');
            TextLine(body, "address", trunk.Address);
            if (trunk.Transport != SipTransport.Auto)
            {
                body.Append("    transport: ").Append(trunk.Transport.ToString().ToLowerInvariant()).Append('\n');
            }
            ListLine(body, "numbers", trunk.Numbers);
            Auth(body, trunk.Name, trunk.AuthUsername, trunk.AuthPassword, "", variables);
            TextLine(body, "destination_country", trunk.DestinationCountry);
            MapLine(body, "headers", trunk.Headers);
            EncryptionLine(body, trunk.MediaEncryption);
            TextLine(body, "metadata", trunk.Metadata);
        }
        if (state.DispatchRules.Count > 0)
        {
            body.Append("dispatch_rules:\n");
        }
        foreach (var rule in state.DispatchRules)
        {
            body.Append("  - name: ").Append(Q(rule.Name)).Append('\n');
            RuleLines(body, rule.Rule);
            ListLine(body, "trunks", rule.TrunkIds);
            ListLine(body, "numbers", rule.Numbers);
            ListLine(body, "caller_numbers", rule.InboundNumbers);
            BoolLine(body, "hide_phone_number", rule.HidePhoneNumber);
            TextLine(body, "metadata", rule.Metadata);
            MapLine(body, "attributes", rule.Attributes);
            RoomConfigLines(body, rule.RoomConfig);
            BoolLine(body, "krisp", rule.KrispEnabled);
        }

        yaml.Append("# Exported by `voicectl sip export` from ").Append(liveKitUrl).Append(" at ")
            .Append(exportedAt.ToString("u")).Append(".\n");
        yaml.Append("# Credentials are not exported. Before plan or apply, set: LIVEKIT_API_KEY, LIVEKIT_API_SECRET");
        foreach (var variable in variables)
        {
            yaml.Append(", ").Append(variable);
        }
        yaml.Append(".\n");
        return yaml.Append(body).ToString();
    }

    /// <summary>Room metadata and the agent; a deployment file names one agent per rule, so further ones are left as a comment.</summary>
    private static void RoomConfigLines(StringBuilder body, RoomConfiguration? config)
    {
        if (config is null)
        {
            return;
        }
        TextLine(body, "room_metadata", config.Metadata);
        if (config.Agents.Count > 0)
        {
            var agent = config.Agents[0];
            body.Append("    agent:\n      name: ").Append(Q(agent.AgentName)).Append('\n');
            if (agent.Metadata.Length > 0)
            {
                body.Append("      metadata: ").Append(Q(agent.Metadata)).Append('\n');
            }
        }
        foreach (var extra in config.Agents.Skip(1))
        {
            body.Append("    # not exported (one agent per rule): agent ").Append(Q(extra.AgentName)).Append('\n');
        }
    }

    private static void RuleLines(StringBuilder body, SipDispatchRule? rule)
    {
        switch (rule)
        {
            case { DispatchRuleDirect: { } direct }:
                body.Append("    type: direct\n");
                TextLine(body, "room_name", direct.RoomName);
                TextLine(body, "pin", direct.Pin);
                break;
            case { DispatchRuleCallee: { } callee }:
                body.Append("    type: callee\n");
                TextLine(body, "room_prefix", callee.RoomPrefix);
                TextLine(body, "pin", callee.Pin);
                if (callee.Randomize)
                {
                    body.Append("    randomize: true\n");
                }
                break;
            default:
                var individual = rule?.DispatchRuleIndividual ?? new SipDispatchRuleIndividual();
                body.Append("    type: individual\n");
                TextLine(body, "room_prefix", individual.RoomPrefix);
                TextLine(body, "pin", individual.Pin);
                if (individual.NoRandomness)
                {
                    body.Append("    randomize: false\n");
                }
                break;
        }
    }

    private static void Auth(StringBuilder body, string trunk, string username, string password, string realm, List<string> variables)
    {
        if (username.Length == 0 && password.Length == 0)
        {
            return;
        }
        var prefix = VariablePrefix(trunk);
        variables.Add(prefix + "_SIP_USER");
        variables.Add(prefix + "_SIP_PASSWORD");
        body.Append("    auth:\n      username: ${").Append(prefix).Append("_SIP_USER}\n      password: ${").Append(prefix).Append("_SIP_PASSWORD}\n");
        if (realm.Length > 0)
        {
            body.Append("      realm: ").Append(Q(realm)).Append('\n');
        }
    }

    /// <summary>"novofon-ru" → "NOVOFON_RU".</summary>
    public static string VariablePrefix(string name)
    {
        var text = new string(name.ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray()).Trim('_');
        return text.Length == 0 || char.IsAsciiDigit(text[0]) ? "TRUNK_" + text : text;
    }

    private static void ListLine(StringBuilder body, string key, List<string> items)
    {
        if (items.Count > 0)
        {
            body.Append("    ").Append(key).Append(": [").Append(string.Join(", ", items.Select(Q))).Append("]\n");
        }
    }

    private static void MapLine(StringBuilder body, string key, Dictionary<string, string> map)
    {
        if (map.Count > 0)
        {
            body.Append("    ").Append(key).Append(": {")
                .Append(string.Join(", ", map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => Q(kv.Key) + ": " + Q(kv.Value))))
                .Append("}\n");
        }
    }

    private static void TextLine(StringBuilder body, string key, string value)
    {
        if (value.Length > 0)
        {
            body.Append("    ").Append(key).Append(": ").Append(Q(value)).Append('\n');
        }
    }

    private static void BoolLine(StringBuilder body, string key, bool value)
    {
        if (value)
        {
            body.Append("    ").Append(key).Append(": true\n");
        }
    }

    private static void EncryptionLine(StringBuilder body, SipMediaEncryption value)
    {
        if (value != SipMediaEncryption.Disable)
        {
            body.Append("    media_encryption: ").Append(SipFieldComparer.Encryption(value)).Append('\n');
        }
    }

    private static string Q(string value) => JsonSerializer.Serialize(value, Quoting);
}
