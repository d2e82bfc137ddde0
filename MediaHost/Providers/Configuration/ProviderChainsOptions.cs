namespace VoiceFunctions.MediaHost.Providers.Configuration;

/// <summary>
/// The provider chains per stage (section AiLoop:Providers:Chains). A stage without a chain keeps the single
/// provider chosen by AiLoop:Providers:{Stt|Llm|Tts}.
/// </summary>
public sealed class ProviderChainsOptions
{
    public const string SectionName = "AiLoop:Providers:Chains";

    public StageChainOptions Stt { get; set; } = new();

    public StageChainOptions Llm { get; set; } = new();

    public StageChainOptions Tts { get; set; } = new();
}
