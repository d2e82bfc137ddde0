using Microsoft.Extensions.Options;

namespace VoiceFunctions.MediaHost.ControlPlane;

/// <summary>The checks data annotations cannot express (an http(s) URL, the signing key's settings, which live under AgentEvents).</summary>
public sealed class ControlPlaneOptionsValidator : IValidateOptions<ControlPlaneOptions>
{
    public ValidateOptionsResult Validate(string? name, ControlPlaneOptions options)
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            problems.Add($"ControlPlane:BaseUrl must be an absolute http(s) URL (got '{options.BaseUrl}').");
        }
        if (string.IsNullOrEmpty(options.KeyId))
        {
            problems.Add("AgentEvents:KeyId is required when ControlPlane:BaseUrl is set.");
        }
        if (options.Secret.Length < ControlPlaneOptions.MinSecretLength)
        {
            problems.Add($"AgentEvents:Secret must be at least {ControlPlaneOptions.MinSecretLength} characters when ControlPlane:BaseUrl is set.");
        }
        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            problems.Add("ControlPlane:RequestTimeout must be positive.");
        }
        if (options.QualityReportInterval < TimeSpan.Zero || options.QualityReportInterval is { Ticks: > 0 } interval && interval < TimeSpan.FromSeconds(1))
        {
            problems.Add($"ControlPlane:QualityReportInterval must be 0 (off) or at least 1 s (got {options.QualityReportInterval}).");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
