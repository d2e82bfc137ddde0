namespace VoiceFunctions.Shared.LiveKit.Auth;

/// <summary>
/// One LiveKit API key and its secret. The secret signs tokens (HS256 over its UTF-8 bytes) and
/// must never reach a log, an exception or <see cref="ToString"/>.
/// </summary>
public sealed record LiveKitCredentials(string ApiKey, string ApiSecret)
{
    public string ApiKey { get; } = !string.IsNullOrEmpty(ApiKey)
        ? ApiKey
        : throw new ArgumentException("The LiveKit API key must not be empty.", nameof(ApiKey));

    public string ApiSecret { get; } = !string.IsNullOrEmpty(ApiSecret)
        ? ApiSecret
        : throw new ArgumentException("The LiveKit API secret must not be empty.", nameof(ApiSecret));

    /// <summary>Shows the key only; the secret is replaced by a placeholder.</summary>
    public override string ToString() => $"LiveKitCredentials {{ ApiKey = {ApiKey}, ApiSecret = <redacted> }}";
}
