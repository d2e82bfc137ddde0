using Microsoft.Extensions.Options;

namespace VoiceFunctions.MediaHost.Hosting;

/// <summary>The internal listener's URL must be http with an explicit port (a clear start-up error otherwise).</summary>
public sealed class InternalHttpOptionsValidator : IValidateOptions<InternalHttpOptions>
{
    public ValidateOptionsResult Validate(string? name, InternalHttpOptions options) =>
        InternalListener.TryParse(options.Url, out _, out var error) ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(error!);
}
