namespace VoiceFunctions.Shared.LiveKit.Api.Errors;

/// <summary>The server or a gateway in front of it is unavailable (Twirp unavailable, HTTP 502/503/504). Transient.</summary>
public sealed class LiveKitUnavailableException(string method, TwirpErrorCode code, int httpStatus, string serverMessage, IReadOnlyDictionary<string, string>? meta = null)
    : LiveKitApiException(method, code, httpStatus, serverMessage, meta);
