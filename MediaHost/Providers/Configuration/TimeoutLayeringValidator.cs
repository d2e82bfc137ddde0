using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Agent;

namespace VoiceFunctions.MediaHost.Providers.Configuration;

/// <summary>
/// The timeout layering, checked at start-up: in each configured chain, every provider must get its turn before the
/// session's stage deadline (AiLoop:ProviderTimeoutSeconds) gives the turn up, so the first-result deadline times
/// the chain's length stays below it. Otherwise a hung primary means silence and then the apology, with the healthy
/// secondary never asked (the fault this layering exists to prevent).
/// </summary>
public sealed class TimeoutLayeringValidator(IOptions<AiLoopOptions> aiLoop) : IValidateOptions<ProviderChainsOptions>
{
    public ValidateOptionsResult Validate(string? name, ProviderChainsOptions options)
    {
        AiLoopOptions loop;
        try
        {
            loop = aiLoop.Value;
        }
        catch (OptionsValidationException)
        {
            return ValidateOptionsResult.Skip; // AiLoop's own validation names what is wrong with it
        }
        var stageMs = loop.ProviderTimeoutSeconds * 1000L;
        var failures = new List<string>();
        foreach (var (key, stage) in new[] { ("Llm", options.Llm), ("Stt", options.Stt), ("Tts", options.Tts) })
        {
            var longest = stage.ByLanguage.Values.Select(c => c.Count).Append(stage.Chain.Count).Max();
            var needed = (long)stage.Failover.FirstResultDeadlineMs * longest;
            if (longest > 0 && needed >= stageMs)
            {
                failures.Add($"{ProviderChainsOptions.SectionName}:{key}:Failover:FirstResultDeadlineMs ({stage.Failover.FirstResultDeadlineMs} ms) "
                    + $"x {longest} providers must stay below AiLoop:ProviderTimeoutSeconds ({loop.ProviderTimeoutSeconds} s), "
                    + "or the last providers of the chain are never asked when the first ones hang");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
