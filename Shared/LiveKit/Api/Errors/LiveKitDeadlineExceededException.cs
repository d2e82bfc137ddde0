namespace VoiceFunctions.Shared.LiveKit.Api.Errors;

/// <summary>The server gave up on its own deadline (Twirp deadline_exceeded, HTTP 408; also SIP 408/504 on a dial).</summary>
public sealed class LiveKitDeadlineExceededException(string method, TwirpErrorCode code, int httpStatus, string serverMessage, IReadOnlyDictionary<string, string>? meta = null)
    : LiveKitApiException(method, code, httpStatus, serverMessage, meta);
