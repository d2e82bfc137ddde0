using System.Diagnostics.CodeAnalysis;

namespace VoiceFunctions.Shared.LiveKit.Auth;

/// <summary>
/// The outcome of verifying a token: the claims, or the reason it was refused. The message names the
/// problem only; it never contains the token or a secret.
/// </summary>
public sealed class TokenVerificationResult
{
    private TokenVerificationResult(ClaimGrants? claims, TokenError? error, string? message)
    {
        Claims = claims;
        Error = error;
        Message = message;
    }

    [MemberNotNullWhen(true, nameof(Claims))]
    [MemberNotNullWhen(false, nameof(Error), nameof(Message))]
    public bool IsValid => Claims is not null;

    public ClaimGrants? Claims { get; }
    public TokenError? Error { get; }
    public string? Message { get; }

    public static TokenVerificationResult Success(ClaimGrants claims) =>
        new(claims ?? throw new ArgumentNullException(nameof(claims)), null, null);

    public static TokenVerificationResult Failure(TokenError error, string message) => new(null, error, message);

    public override string ToString() => IsValid ? "valid token" : $"{Error}: {Message}";
}
