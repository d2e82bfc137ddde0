using System.ComponentModel.DataAnnotations;
using VoiceFunctions.Shared.Resilience;
using VoiceFunctions.Shared.Validation;

namespace VoiceFunctions.Shared.LiveKit.Api;

/// <summary>
/// Where the LiveKit server API is and how to call it. Validated at start-up
/// (ValidateDataAnnotations + ValidateOnStart); the secret never appears in ToString or an error.
/// </summary>
public sealed class LiveKitApiOptions
{
    /// <summary>The server's URL: http(s)://, or ws(s):// as LiveKit clients are given (turned into http(s)://).</summary>
    [Required]
    [LiveKitUrl]
    public string Url { get; set; } = "";

    /// <summary>The API key (the tokens' issuer).</summary>
    [Required]
    public string ApiKey { get; set; } = "";

    /// <summary>The API secret that signs the per-request tokens. Secret: never logged.</summary>
    [Required]
    public string ApiSecret { get; set; } = "";

    /// <summary>Life of each per-request token. Default 10 min (as LiveKit's own server SDKs); 1 min–1 h.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan TokenTtl { get; set; } = DefaultTokenTtl;

    /// <summary>Timeouts, retries and circuit breaker for every API call.</summary>
    [ValidateNested]
    public ResilienceOptions Resilience { get; set; } = new();

    public static readonly TimeSpan DefaultTokenTtl = TimeSpan.FromMinutes(10);

    public override string ToString() => $"LiveKitApiOptions {{ Url = {Url}, ApiKey = {ApiKey}, ApiSecret = <redacted> }}";
}
