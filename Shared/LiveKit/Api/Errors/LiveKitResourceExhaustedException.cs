namespace VoiceFunctions.Shared.LiveKit.Api.Errors;

/// <summary>Out of capacity or a quota (Twirp resource_exhausted, HTTP 429); a dial that got SIP 486/480/600 (busy, unavailable, declined) ends here too.</summary>
public sealed class LiveKitResourceExhaustedException(string method, TwirpErrorCode code, int httpStatus, string serverMessage, IReadOnlyDictionary<string, string>? meta = null)
    : LiveKitApiException(method, code, httpStatus, serverMessage, meta);
