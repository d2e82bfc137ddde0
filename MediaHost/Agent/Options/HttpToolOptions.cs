using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>A tool defined in configuration: the LLM calls it by name, the agent POSTs the arguments (JSON) to
/// <see cref="Url"/> and gives the answer's body back to the LLM.</summary>
public sealed class HttpToolOptions
{
    /// <summary>The tool's name as the LLM sees it (letters, digits, _ and -).</summary>
    [Required, RegularExpression("^[A-Za-z0-9_-]{1,64}$")]
    public string Name { get; set; } = "";

    /// <summary>What the tool does, for the LLM.</summary>
    [Required]
    public string Description { get; set; } = "";

    /// <summary>The http(s) URL that receives the POST.</summary>
    [Required, Url]
    public string Url { get; set; } = "";

    /// <summary>JSON Schema of the arguments. Default: an object with no required properties.</summary>
    public string ParametersSchema { get; set; } = """{"type":"object","properties":{}}""";

    /// <summary>Time allowed for the request, in seconds. Default 5 s.</summary>
    [Range(1, 60)]
    public int TimeoutSeconds { get; set; } = 5;
}
