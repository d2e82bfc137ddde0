using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace VoiceFunctions.MediaHost.Providers.Configuration;

/// <summary>
/// Validates AiLoop:Providers:Chains: every provider's kind is known for its stage and has what that kind needs
/// (an endpoint or region, a key, a deployment, a voice); each failure names its configuration key. Keys are checked
/// for presence only and never echoed.
/// </summary>
public sealed class ProviderChainsOptionsValidator : IValidateOptions<ProviderChainsOptions>
{
    /// <summary>The kinds each stage accepts (docs/providers/samples has a sample for every one).</summary>
    public static readonly IReadOnlyList<string> LlmKinds = ["openai", "openai-compatible", "azure-openai", "azure-openai-v1"];

    /// <inheritdoc cref="LlmKinds"/>
    public static readonly IReadOnlyList<string> SttKinds = ["deepgram", "yandex", "openai-batch"];

    /// <inheritdoc cref="LlmKinds"/>
    public static readonly IReadOnlyList<string> TtsKinds = ["yandex", "azure-speech", "elevenlabs", "cartesia", "openai"];

    public ValidateOptionsResult Validate(string? name, ProviderChainsOptions options)
    {
        var failures = new List<string>();
        Stage(options.Llm, "Llm", LlmKinds, failures);
        Stage(options.Stt, "Stt", SttKinds, failures);
        Stage(options.Tts, "Tts", TtsKinds, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Stage(StageChainOptions stage, string key, IReadOnlyList<string> kinds, List<string> failures)
    {
        var path = $"{ProviderChainsOptions.SectionName}:{key}";
        Check(stage.Failover, path + ":Failover", failures);
        Chain(stage.Chain, path + ":Chain", kinds, failures);
        foreach (var (language, chain) in stage.ByLanguage)
        {
            if (chain.Count == 0)
            {
                failures.Add($"{path}:ByLanguage:{language} is empty");
            }
            Chain(chain, $"{path}:ByLanguage:{language}", kinds, failures);
        }
    }

    private static void Chain(List<ProviderOptions> chain, string path, IReadOnlyList<string> kinds, List<string> failures)
    {
        for (var i = 0; i < chain.Count; i++)
        {
            var p = chain[i];
            var at = $"{path}:{i}";
            Check(p, at, failures);
            if (!kinds.Contains(p.Kind))
            {
                failures.Add($"{at}:Kind '{p.Kind}' is not one of {string.Join(", ", kinds)}");
                continue;
            }
            void Require(bool ok, string what)
            {
                if (!ok)
                {
                    failures.Add($"{at}: kind '{p.Kind}' needs {what}");
                }
            }
            var needsKey = p.Kind is not "openai-compatible" and not "openai-batch";
            Require(!needsKey || p.ApiKey.Length > 0, "ApiKey");
            Require(p.Endpoint.Length == 0 || Uri.TryCreate(p.Endpoint, UriKind.Absolute, out _), "Endpoint to be an absolute URL");
            switch (p.Kind)
            {
                case "openai-compatible" or "openai-batch":
                    Require(p.Endpoint.Length > 0, "Endpoint (the server's base URL, up to /v1)");
                    break;
                case "azure-openai":
                    Require(p.Endpoint.Length > 0, "Endpoint (https://<resource>.openai.azure.com)");
                    Require(p.Deployment.Length > 0, "Deployment");
                    Require(p.ApiVersion.Length > 0, "ApiVersion");
                    break;
                case "azure-openai-v1":
                    Require(p.Endpoint.Length > 0, "Endpoint (https://<resource>.openai.azure.com)");
                    Require(p.Model.Length > 0 || p.Deployment.Length > 0, "Model (the deployment name)");
                    break;
                case "azure-speech":
                    Require(p.Endpoint.Length > 0 || p.Region.Length > 0, "Region or Endpoint");
                    break;
                case "elevenlabs" or "cartesia":
                    Require(p.Voice.Length > 0, "Voice (the voice id)");
                    break;
            }
            if (LlmKinds.Contains(p.Kind) && p.Kind is "openai" or "openai-compatible")
            {
                Require(p.Model.Length > 0, "Model");
            }
        }
    }

    private static void Check(object instance, string path, List<string> failures)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(instance, new ValidationContext(instance), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{path}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }
    }
}
