namespace VoiceFunctions.Shared.LiveKit.Api.Errors;

/// <summary>The room, participant, trunk, rule, egress, ingress or dispatch does not exist (Twirp not_found, HTTP 404).</summary>
public sealed class LiveKitNotFoundException(string method, TwirpErrorCode code, int httpStatus, string serverMessage, IReadOnlyDictionary<string, string>? meta = null)
    : LiveKitApiException(method, code, httpStatus, serverMessage, meta);
