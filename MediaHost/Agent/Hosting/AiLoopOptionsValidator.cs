using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Providers;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Validates what the top level's data annotations do not reach: the nested objects (each failure names its
/// configuration key) and the rules that span settings.
/// </summary>
public sealed class AiLoopOptionsValidator : IValidateOptions<AiLoopOptions>
{
    public ValidateOptionsResult Validate(string? name, AiLoopOptions options)
    {
        var failures = new List<string>();
        Check(options.Vad, "AiLoop:Vad", failures);
        Check(options.Endpointing, "AiLoop:Endpointing", failures);
        foreach (var (language, endpointing) in options.EndpointingByLanguage)
        {
            Check(endpointing, $"AiLoop:EndpointingByLanguage:{language}", failures);
        }
        Check(options.BargeIn, "AiLoop:BargeIn", failures);
        Check(options.Preemptive, "AiLoop:Preemptive", failures);
        Check(options.Silence, "AiLoop:Silence", failures);
        Check(options.Capacity, "AiLoop:Capacity", failures);
        Check(options.Dtmf, "AiLoop:Dtmf", failures);
        Check(options.Providers, "AiLoop:Providers", failures);
        Check(options.Providers.Espeak, "AiLoop:Providers:Espeak", failures);
        Check(options.Providers.TtsCache, "AiLoop:Providers:TtsCache", failures);
        Check(options.Providers.Pocketsphinx, "AiLoop:Providers:Pocketsphinx", failures);
        RequireOpenAi(options.Providers.Stt, options.Providers.OpenAiStt, "OpenAiStt", failures);
        RequireOpenAi(options.Providers.Llm, options.Providers.OpenAiLlm, "OpenAiLlm", failures);
        RequireOpenAi(options.Providers.Tts, options.Providers.OpenAiTts, "OpenAiTts", failures);
        for (var i = 0; i < options.HttpTools.Count; i++)
        {
            var tool = options.HttpTools[i];
            Check(tool, $"AiLoop:HttpTools:{i}", failures);
            try
            {
                using var schema = System.Text.Json.JsonDocument.Parse(tool.ParametersSchema);
            }
            catch (System.Text.Json.JsonException e)
            {
                failures.Add($"AiLoop:HttpTools:{i}:ParametersSchema is not valid JSON ({e.Message})");
            }
            if (tool.Name is BuiltInTools.EndCall or BuiltInTools.TransferToHuman)
            {
                failures.Add($"AiLoop:HttpTools:{i}:Name '{tool.Name}' is a built-in tool");
            }
        }
        if (options.Silence.HangUpAfterSeconds <= options.Silence.RepromptAfterSeconds)
        {
            failures.Add("AiLoop:Silence:HangUpAfterSeconds must be greater than RepromptAfterSeconds");
        }
        if (options.TransferOnProviderFailure && options.TransferTarget.Length == 0)
        {
            failures.Add("AiLoop:TransferOnProviderFailure needs AiLoop:TransferTarget");
        }
        var scriptPath = options.Providers.DialogScriptPath;
        if (scriptPath.Length > 0 && !File.Exists(scriptPath))
        {
            failures.Add($"AiLoop:Providers:DialogScriptPath: file '{scriptPath}' does not exist");
        }
        else if (scriptPath.Length > 0)
        {
            try
            {
                DialogScriptLoader.Load(File.ReadAllText(scriptPath), scriptPath);
            }
            catch (FormatException e)
            {
                failures.Add("AiLoop:Providers:DialogScriptPath: " + e.Message);
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequireOpenAi(string selected, OpenAiOptions? openAi, string key, List<string> failures)
    {
        if (selected != "openai")
        {
            return;
        }
        if (openAi is null)
        {
            failures.Add($"AiLoop:Providers:{key} is required when the provider is 'openai'");
            return;
        }
        Check(openAi, $"AiLoop:Providers:{key}", failures);
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
