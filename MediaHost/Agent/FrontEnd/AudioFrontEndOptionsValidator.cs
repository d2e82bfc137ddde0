using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace VoiceFunctions.MediaHost.Agent.FrontEnd;

/// <summary>Validates the AudioFrontEnd section: the ranges on each setting plus the rules that span settings; each
/// failure names its configuration key.</summary>
public sealed class AudioFrontEndOptionsValidator : IValidateOptions<AudioFrontEndOptions>
{
    public ValidateOptionsResult Validate(string? name, AudioFrontEndOptions options)
    {
        var failures = new List<string>();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{AudioFrontEndOptions.SectionName}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }
        if (options.EchoTailMs % MediaModel.AudioFormat.FrameMilliseconds != 0)
        {
            failures.Add($"{AudioFrontEndOptions.SectionName}:EchoTailMs must be a multiple of the {MediaModel.AudioFormat.FrameMilliseconds} ms frame (got {options.EchoTailMs})");
        }
        if (options.VadContinueProbabilityPercent > options.VadStartProbabilityPercent)
        {
            failures.Add($"{AudioFrontEndOptions.SectionName}:VadContinueProbabilityPercent ({options.VadContinueProbabilityPercent}) must not exceed VadStartProbabilityPercent ({options.VadStartProbabilityPercent})");
        }
        if (options.EchoSuppressionActiveDb > options.EchoSuppressionDb)
        {
            failures.Add($"{AudioFrontEndOptions.SectionName}:EchoSuppressionActiveDb ({options.EchoSuppressionActiveDb}) must not exceed EchoSuppressionDb ({options.EchoSuppressionDb}): double talk is suppressed more gently than echo alone");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
