using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model;

[Description("An agent LiveKit dispatches into the room when it is created (RoomConfiguration.agents).")]
public sealed class AgentDispatch : ConfigObject
{
    [ConfigKey("name"), Required, Description("Agent name.")]
    public Located<string>? Name { get; set; }

    [ConfigKey("metadata"), Description("Metadata handed to the agent job.")]
    public string? Metadata { get; set; }
}
