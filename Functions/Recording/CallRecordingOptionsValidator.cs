using Microsoft.Extensions.Options;

namespace VoiceFunctions.Functions.Recording;

/// <summary>Checks <see cref="CallRecordingOptions"/> once recording is enabled: where to upload, with which account, for how long links live.</summary>
public sealed class CallRecordingOptionsValidator : IValidateOptions<CallRecordingOptions>
{
    public ValidateOptionsResult Validate(string? name, CallRecordingOptions o)
    {
        if (!o.Enabled)
        {
            return ValidateOptionsResult.Success;
        }
        var failures = new List<string>();
        if (!Uri.TryCreate(o.BlobServiceUri, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            failures.Add("Recording:BlobServiceUri must be the blob endpoint, https://<account>.blob.core.windows.net");
        }
        if (string.IsNullOrWhiteSpace(o.AccountName))
        {
            failures.Add("Recording:AccountName is required when recording is enabled");
        }
        if (string.IsNullOrWhiteSpace(o.AccountKey) && !o.DirectMode)
        {
            failures.Add("Recording:AccountKey is required when recording is enabled in LiveKit mode (LiveKit's egress uploads with it; a Key Vault reference)");
        }
        if (o.UploadLinkLifetime < TimeSpan.FromMinutes(1) || o.UploadLinkLifetime > TimeSpan.FromHours(6))
        {
            failures.Add("Recording:UploadLinkLifetime must be from 00:01:00 to 06:00:00");
        }
        if (o.ManagedIdentityClientId.Length > 0 && !Guid.TryParse(o.ManagedIdentityClientId, out _))
        {
            failures.Add("Recording:ManagedIdentityClientId must be a client id (a GUID) or empty");
        }
        if (o.ContainerName.Length is < 3 or > 63 || !o.ContainerName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            failures.Add("Recording:ContainerName must be 3-63 lower-case letters, digits or '-'");
        }
        if (o.LinkLifetime < TimeSpan.FromMinutes(1) || o.LinkLifetime > TimeSpan.FromHours(24))
        {
            failures.Add("Recording:LinkLifetime must be from 00:01:00 to 1.00:00:00");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
