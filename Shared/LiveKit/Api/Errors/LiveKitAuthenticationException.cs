namespace VoiceFunctions.Shared.LiveKit.Api.Errors;

/// <summary>The token was refused (missing, invalid or expired token, unknown API key) or lacks the grant the method needs (Twirp unauthenticated, HTTP 401).</summary>
public sealed class LiveKitAuthenticationException(string method, TwirpErrorCode code, int httpStatus, string serverMessage, IReadOnlyDictionary<string, string>? meta = null)
    : LiveKitApiException(method, code, httpStatus, serverMessage, meta);
