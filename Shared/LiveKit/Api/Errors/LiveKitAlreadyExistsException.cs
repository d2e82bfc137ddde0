namespace VoiceFunctions.Shared.LiveKit.Api.Errors;

/// <summary>The object exists already (Twirp already_exists, HTTP 409).</summary>
public sealed class LiveKitAlreadyExistsException(string method, TwirpErrorCode code, int httpStatus, string serverMessage, IReadOnlyDictionary<string, string>? meta = null)
    : LiveKitApiException(method, code, httpStatus, serverMessage, meta);
