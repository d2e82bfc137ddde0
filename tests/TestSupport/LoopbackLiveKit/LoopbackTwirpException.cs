using VoiceFunctions.Shared.LiveKit.Api.Errors;

namespace VoiceFunctions.TestSupport.LoopbackLiveKit;

/// <summary>
/// Thrown by the loopback server's handlers (and by a test's CreateSIPParticipant hook) to answer with a
/// Twirp error: {"code","msg","meta"} with the HTTP status Twirp gives the code.
/// </summary>
public sealed class LoopbackTwirpException(TwirpErrorCode code, string message, IReadOnlyDictionary<string, string>? meta = null)
    : Exception(message)
{
    public TwirpErrorCode Code { get; } = code;

    public IReadOnlyDictionary<string, string>? Meta { get; } = meta;

    /// <summary>A dial that failed with a SIP status, as LiveKit reports it (meta sip_status_code / sip_status).</summary>
    public static LoopbackTwirpException SipCallFailed(TwirpErrorCode code, int sipStatusCode, string sipStatus) =>
        new(code, $"sip call failed: {sipStatusCode} {sipStatus}", new Dictionary<string, string>
        {
            ["sip_status_code"] = sipStatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sip_status"] = sipStatus,
        });

    public static LoopbackTwirpException PermissionsDenied() => new(TwirpErrorCode.Unauthenticated, "permissions denied");

    public static LoopbackTwirpException NotFound(string what) => new(TwirpErrorCode.NotFound, what);

    public static LoopbackTwirpException Invalid(string what) => new(TwirpErrorCode.InvalidArgument, what);
}
