namespace VoiceFunctions.Shared.LiveKit.Api.Errors;

/// <summary>The request was refused as invalid (Twirp invalid_argument / malformed / out_of_range, HTTP 400), e.g. a conflicting inbound trunk.</summary>
public sealed class LiveKitInvalidArgumentException(string method, TwirpErrorCode code, int httpStatus, string serverMessage, IReadOnlyDictionary<string, string>? meta = null)
    : LiveKitApiException(method, code, httpStatus, serverMessage, meta);
