using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.Functions.Outbound;

/// <summary>Configuration section "PostCallReport": the customer's URL every finalized call is reported to.</summary>
public sealed class PostCallReportOptions : IValidatableObject
{
    public const string SectionName = "PostCallReport";

    /// <summary>Where reports are POSTed (https in production). Empty: no reports are sent.</summary>
    public Uri? Url { get; set; }

    /// <summary>The key id sent in the signature ("kid"), so the receiver can rotate secrets. Default "default".</summary>
    [Required]
    public string KeyId { get; set; } = "default";

    /// <summary>The shared HMAC-SHA256 secret (at least 32 characters). Required when <see cref="Url"/> is set.</summary>
    public string Secret { get; set; } = "";

    /// <summary>One delivery attempt's timeout, in seconds, each of its quick retries included. Default 30.</summary>
    [Range(1, 300)]
    public int AttemptTimeoutSeconds { get; set; } = 30;

    public bool Enabled => Url is not null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Url is null)
        {
            yield break;
        }
        if (!Url.IsAbsoluteUri || Url.Scheme is not ("https" or "http"))
        {
            yield return new ValidationResult("PostCallReport:Url must be an absolute http(s) URL", [nameof(Url)]);
        }
        if (Secret.Length < 32)
        {
            yield return new ValidationResult("PostCallReport:Secret must be at least 32 characters when PostCallReport:Url is set", [nameof(Secret)]);
        }
        if (KeyId.Contains(',') || KeyId.Contains('='))
        {
            yield return new ValidationResult("PostCallReport:KeyId may not contain ',' or '='", [nameof(KeyId)]);
        }
    }

    public override string ToString() => $"PostCallReportOptions {{ Url = {Url}, KeyId = {KeyId}, Secret = <redacted> }}";
}
