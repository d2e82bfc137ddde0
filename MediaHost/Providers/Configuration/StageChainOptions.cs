namespace VoiceFunctions.MediaHost.Providers.Configuration;

/// <summary>One stage's providers: the default chain, chains per language (BCP 47 tag, e.g. "ru-RU"), and the failover rules.</summary>
public sealed class StageChainOptions
{
    /// <summary>Providers in order of preference. Empty: the stage keeps the single provider of AiLoop:Providers.</summary>
    public List<ProviderOptions> Chain { get; set; } = [];

    /// <summary>A chain per conversation language; a language not listed uses <see cref="Chain"/>.</summary>
    public Dictionary<string, List<ProviderOptions>> ByLanguage { get; set; } = [];

    public Failover.FailoverOptions Failover { get; set; } = new();

    public bool IsConfigured => Chain.Count > 0 || ByLanguage.Count > 0;
}
