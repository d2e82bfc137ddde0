namespace VoiceFunctions.Shared.LiveKit.Api.Errors;

/// <summary>The server refused the operation (Twirp permission_denied, HTTP 403; also SIP 401/403/603 on a dial).</summary>
public sealed class LiveKitPermissionDeniedException(string method, TwirpErrorCode code, int httpStatus, string serverMessage, IReadOnlyDictionary<string, string>? meta = null)
    : LiveKitApiException(method, code, httpStatus, serverMessage, meta);
