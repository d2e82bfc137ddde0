using System.ComponentModel;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model.Agents;

/// <summary>One agent. In a profile every key left out is inherited from the default agent (lists and sections as a whole).</summary>
[Description("An agent: its numbers, prompt, language, voice, providers, tools, greeting, recording and transfer targets.")]
public sealed class AgentProfile : ConfigObject
{
    [ConfigKey("id"), Description("The profile's name, recorded on each call it answers. Required in profiles; the default agent is 'default'.")]
    public Located<string>? Id { get; set; }

    [ConfigKey("numbers"), Description("Numbers this agent answers (E.164): the called number of an inbound call, the caller ID of an outbound one.")]
    public List<Located<string>> Numbers { get; set; } = [];

    [ConfigKey("language"), Description("Conversation language, a BCP 47 tag the agent speaks: ru-RU or en-US.")]
    public Located<string>? Language { get; set; }

    [ConfigKey("prompt"), Description("The LLM's system prompt. {{name}} placeholders are filled from the call's variables.")]
    public Located<string>? Prompt { get; set; }

    [ConfigKey("greeting"), Description("What the agent says first. {{name}} placeholders are filled from the call's variables.")]
    public Located<string>? Greeting { get; set; }

    [ConfigKey("voice"), Description("The TTS voice (provider-specific name, e.g. an espeak-ng voice or an OpenAI voice). Empty: the provider's configured voice.")]
    public Located<string>? Voice { get; set; }

    [ConfigKey("providers"), Description("Which configured providers this agent uses, by name.")]
    public AgentProviderChoice? Providers { get; set; }

    [ConfigKey("tools"), Description("Tools offered to the model, by name: built-in or declared under agents.tools.")]
    public List<Located<string>>? Tools { get; set; }

    [ConfigKey("recording"), Description("Whether calls are recorded, and the consent announcement said first.")]
    public AgentRecording? Recording { get; set; }

    [ConfigKey("transfer_targets"), Description("Where transfers go; the first is the operator (transfer_to_human, DTMF 0).")]
    public List<AgentTransferTarget>? TransferTargets { get; set; }

    [ConfigKey("variables"), Description("Per-call variables the prompt and greeting use as {{name}}; one without a default that a call does not give is left out of the text (and logged).")]
    public List<AgentVariable>? Variables { get; set; }

    [ConfigKey("caller_context"), Description("An HTTP lookup at call start whose JSON answer enters the prompt as {{caller_context}}.")]
    public CallerContextLookup? CallerContext { get; set; }
}
