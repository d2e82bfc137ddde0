namespace VoiceFunctions.Functions.Timers;

/// <summary>The token entity the MediaHost reads. <see cref="ToString"/> never shows the token.</summary>
public sealed record PublishedToken(string Token, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string Grants)
{
    public override string ToString() => $"PublishedToken {{ IssuedAt = {IssuedAt:O}, ExpiresAt = {ExpiresAt:O}, Grants = {Grants}, Token = <redacted> }}";
}
