using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.Shared.Telephony.Deployment.Model;
using FileTransport = VoiceFunctions.Shared.Telephony.Deployment.Model.SipTransport;
using WireTransport = VoiceFunctions.Shared.LiveKit.Api.Models.SipTransport;

namespace VoiceFunctions.Shared.Telephony.Deployment.Sync;

/// <summary>
/// Turns a valid voice.yaml into the trunks and rules LiveKit should hold: numbers in E.164, credentials
/// read from the environment, rules naming their trunks. Unset credential variables are collected, not thrown.
/// </summary>
public static class DesiredStateBuilder
{
    public static SipState Build(DeploymentFile file, Func<string, string?> environment, out IReadOnlyList<string> unsetVariables)
    {
        var unset = new List<string>();
        string Secret(Parsing.SecretReference? reference)
        {
            if (reference is null)
            {
                return "";
            }
            var value = reference.Resolve(environment);
            if (value is null)
            {
                unset.Add(reference.Variable);
            }
            return value ?? "";
        }

        var state = new SipState
        {
            InboundTrunks = file.InboundTrunks.Select(t => new SipInboundTrunkInfo
            {
                Name = t.Name?.Value ?? "",
                Metadata = t.Metadata ?? "",
                Numbers = DeploymentRouting.E164(t.Numbers).ToList(),
                AllowedAddresses = t.AllowedAddresses.Select(a => a.Value.Trim()).ToList(),
                AllowedNumbers = DeploymentRouting.E164(t.AllowedNumbers).ToList(),
                AuthUsername = Secret(t.Auth?.Username),
                AuthPassword = Secret(t.Auth?.Password),
                AuthRealm = t.Auth?.Realm ?? "",
                HeadersToAttributes = new Dictionary<string, string>(t.HeadersToAttributes),
                KrispEnabled = t.Krisp,
                MediaEncryption = ToWire(t.MediaEncryption),
            }).ToList(),
            OutboundTrunks = file.OutboundTrunks.Select(t => new SipOutboundTrunkInfo
            {
                Name = t.Name?.Value ?? "",
                Metadata = t.Metadata ?? "",
                Address = t.Address?.Value.Trim() ?? "",
                Transport = ToWire(t.Transport),
                Numbers = DeploymentRouting.E164(t.Numbers).ToList(),
                AuthUsername = Secret(t.Auth?.Username),
                AuthPassword = Secret(t.Auth?.Password),
                DestinationCountry = t.DestinationCountry ?? "",
                Headers = new Dictionary<string, string>(t.Headers),
                MediaEncryption = ToWire(t.MediaEncryption),
            }).ToList(),
            DispatchRules = file.DispatchRules.Select(r => new SipDispatchRuleInfo
            {
                Name = r.Name?.Value ?? "",
                Rule = ToWire(r),
                TrunkIds = r.Trunks.Select(t => t.Value).Distinct().ToList(),
                Numbers = DeploymentRouting.E164(r.Numbers).ToList(),
                InboundNumbers = DeploymentRouting.E164(r.CallerNumbers).ToList(),
                HidePhoneNumber = r.HidePhoneNumber,
                Metadata = r.Metadata ?? "",
                Attributes = new Dictionary<string, string>(r.Attributes),
                RoomConfig = ToRoomConfig(r),
                KrispEnabled = r.Krisp,
            }).ToList(),
        };
        unsetVariables = unset.Distinct().ToArray();
        return state;
    }

    /// <summary>The room the rule creates: its metadata and the agent dispatched into it; null when the file sets neither.</summary>
    private static RoomConfiguration? ToRoomConfig(DispatchRule rule)
    {
        if (rule.RoomMetadata is null && rule.Agent is null)
        {
            return null;
        }
        return new RoomConfiguration
        {
            Metadata = rule.RoomMetadata ?? "",
            Agents = rule.Agent is { } agent
                ? [new RoomAgentDispatch { AgentName = agent.Name?.Value ?? "", Metadata = agent.Metadata ?? "" }]
                : [],
        };
    }

    private static SipDispatchRule ToWire(DispatchRule rule) => rule.Type?.Value switch
    {
        DispatchRuleType.Direct => new SipDispatchRule
        {
            DispatchRuleDirect = new SipDispatchRuleDirect { RoomName = rule.RoomName?.Value ?? "", Pin = rule.Pin?.Value ?? "" },
        },
        DispatchRuleType.Callee => new SipDispatchRule
        {
            DispatchRuleCallee = new SipDispatchRuleCallee { RoomPrefix = rule.RoomPrefix ?? "", Pin = rule.Pin?.Value ?? "", Randomize = rule.Randomize == true },
        },
        _ => new SipDispatchRule
        {
            DispatchRuleIndividual = new SipDispatchRuleIndividual { RoomPrefix = rule.RoomPrefix ?? "", Pin = rule.Pin?.Value ?? "", NoRandomness = rule.Randomize == false },
        },
    };

    /// <summary>voice.yaml's media_encryption as LiveKit's SIPMediaEncryption (SIP_MEDIA_ENCRYPT_DISABLE / ALLOW / REQUIRE).</summary>
    public static SipMediaEncryption ToWire(MediaEncryptionSetting setting) => setting switch
    {
        MediaEncryptionSetting.Allowed => SipMediaEncryption.Allow,
        MediaEncryptionSetting.Required => SipMediaEncryption.Require,
        _ => SipMediaEncryption.Disable,
    };

    public static WireTransport ToWire(FileTransport transport) => transport switch
    {
        FileTransport.Udp => WireTransport.Udp,
        FileTransport.Tcp => WireTransport.Tcp,
        FileTransport.Tls => WireTransport.Tls,
        _ => WireTransport.Auto,
    };
}
