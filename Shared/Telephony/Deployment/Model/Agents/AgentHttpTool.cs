using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model.Agents;

[Description("A tool the model calls by name: the agent POSTs the arguments (JSON) to the URL and gives the answer back.")]
public sealed class AgentHttpTool : ConfigObject
{
    [ConfigKey("name"), Required, Description("The tool's name as the model sees it (letters, digits, _ and -).")]
    public Located<string>? Name { get; set; }

    [ConfigKey("description"), Required, Description("What the tool does, for the model.")]
    public string? Description { get; set; }

    [ConfigKey("url"), Required, Description("http(s) URL that receives the POST.")]
    public Located<string>? Url { get; set; }

    [ConfigKey("timeout_seconds"), Range(1, 60), Description("Time allowed for the request. Default 5 s.")]
    public int TimeoutSeconds { get; set; } = 5;
}
