using System.Globalization;

namespace VoiceFunctions.Shared.LiveKit.Api.Errors;

/// <summary>
/// The LiveKit server answered with an error: a Twirp error body, or (for the auth middleware's 401s and
/// proxies' 5xx) an error status with a plain-text body. Subclasses name the common codes so callers can
/// catch what they handle; any other code arrives as this type with <see cref="Code"/> set.
/// </summary>
public class LiveKitApiException : LiveKitException
{
    public LiveKitApiException(string method, TwirpErrorCode code, int httpStatus, string serverMessage, IReadOnlyDictionary<string, string>? meta = null)
        : base(method, Describe(method, code, httpStatus, serverMessage, meta ?? EmptyMeta))
    {
        Code = code;
        HttpStatus = httpStatus;
        ServerMessage = serverMessage;
        Meta = meta ?? EmptyMeta;
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyMeta = new Dictionary<string, string>();

    public TwirpErrorCode Code { get; }

    public int HttpStatus { get; }

    /// <summary>The server's text ("msg", or the plain-text body), with anything token-shaped removed.</summary>
    public string ServerMessage { get; }

    /// <summary>The Twirp error's meta map (empty when there was none).</summary>
    public IReadOnlyDictionary<string, string> Meta { get; }

    /// <summary>True when the body was not a Twirp error (e.g. the auth middleware's plain-text 401).</summary>
    public bool IsPlainText { get; init; }

    /// <summary>The SIP response code of a failed dial or transfer (meta "sip_status_code"), e.g. 486.</summary>
    public int? SipStatusCode =>
        Meta.TryGetValue("sip_status_code", out var raw) && int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) ? code : null;

    /// <summary>The SIP reason phrase of a failed dial or transfer (meta "sip_status"), e.g. "Busy Here".</summary>
    public string? SipStatus => Meta.TryGetValue("sip_status", out var status) ? status : null;

    /// <summary>Only "unavailable" and a gateway's 502/503/504 are worth repeating.</summary>
    public override bool IsTransient => Code == TwirpErrorCode.Unavailable || HttpStatus is 502 or 503 or 504;

    private static string Describe(string method, TwirpErrorCode code, int httpStatus, string serverMessage, IReadOnlyDictionary<string, string> meta)
    {
        var text = $"LiveKit {method} failed: {TwirpErrorCodes.ToWireName(code)} (HTTP {httpStatus.ToString(CultureInfo.InvariantCulture)})";
        if (meta.TryGetValue("sip_status_code", out var sipCode))
        {
            text += $", SIP {sipCode}" + (meta.TryGetValue("sip_status", out var reason) && reason.Length > 0 ? " " + reason : "");
        }
        return serverMessage.Length > 0 ? $"{text}: {serverMessage}" : text;
    }
}
