using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model;

[Description("A dispatch rule (LiveKit SIPDispatchRuleInfo).")]
public sealed class DispatchRule : ConfigObject
{
    [ConfigKey("name"), Required, Description("Unique name; plan and apply match remote rules to this one by name.")]
    public Located<string>? Name { get; set; }

    [ConfigKey("type"), Required, Description("individual: a room per caller; direct: one fixed room; callee: a room per called number.")]
    public Located<DispatchRuleType>? Type { get; set; }

    [ConfigKey("room_prefix"), Description("Room name prefix (individual and callee rules).")]
    public string? RoomPrefix { get; set; }

    [ConfigKey("room_name"), Description("The room every call joins (direct rules only).")]
    public Located<string>? RoomName { get; set; }

    [ConfigKey("pin"), Description("Digits the caller must enter before joining (the bridge answers first to prompt).")]
    public Located<string>? Pin { get; set; }

    [ConfigKey("randomize"), Description("callee rules: add a random suffix to the room name. individual rules always add one unless this is false.")]
    public bool? Randomize { get; set; }

    [ConfigKey("trunks"), Description("Names of the inbound trunks this rule serves. Empty = every trunk, and calls that matched no trunk.")]
    public List<Located<string>> Trunks { get; set; } = [];

    [ConfigKey("numbers"), Description("Called numbers this rule serves, compared exactly as the provider sends them. Empty = any.")]
    public List<Located<string>> Numbers { get; set; } = [];

    [ConfigKey("caller_numbers"), Description("Caller numbers this rule serves, compared exactly. Empty = any.")]
    public List<Located<string>> CallerNumbers { get; set; } = [];

    [ConfigKey("hide_phone_number"), Description("Hide the caller's number from the room (hashed identity).")]
    public bool HidePhoneNumber { get; set; }

    [ConfigKey("metadata"), Description("Participant metadata of the SIP caller.")]
    public string? Metadata { get; set; }

    [ConfigKey("attributes"), Description("Participant attributes of the SIP caller.")]
    public Dictionary<string, string> Attributes { get; set; } = [];

    [ConfigKey("room_metadata"), Description("Metadata of the room the rule creates.")]
    public string? RoomMetadata { get; set; }

    [ConfigKey("agent"), Description("Agent dispatched into the room when it is created.")]
    public AgentDispatch? Agent { get; set; }

    [ConfigKey("krisp"), Description("Krisp noise cancellation for calls of this rule.")]
    public bool Krisp { get; set; }
}
