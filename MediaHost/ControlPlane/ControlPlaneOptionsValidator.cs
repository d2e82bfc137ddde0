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
        if (options.HostId.Length > 0 && !Shared.MediaHosts.MediaHostIds.IsValid(options.HostId))
        {
            problems.Add($"ControlPlane:HostId must be 1 to {Shared.MediaHosts.MediaHostIds.MaxLength} letters, digits, '.', '_' or '-' (got '{options.HostId}').");
        }
        if (options.HeartbeatInterval < TimeSpan.Zero || options.HeartbeatInterval is { Ticks: > 0 } beat && (beat < TimeSpan.FromSeconds(0.5) || beat > TimeSpan.FromSeconds(300)))
        {
            problems.Add($"ControlPlane:HeartbeatInterval must be 0 (off) or 0.5 to 300 s (got {options.HeartbeatInterval}).");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
