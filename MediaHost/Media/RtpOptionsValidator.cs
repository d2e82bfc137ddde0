using Microsoft.Extensions.Options;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>The rules that span RTP settings (the port range, the jitter buffer's delays), each problem named.</summary>
public sealed class RtpOptionsValidator : IValidateOptions<RtpOptions>
{
    public ValidateOptionsResult Validate(string? name, RtpOptions options) =>
        options.Validate() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
