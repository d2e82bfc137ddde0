namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>The body types we read, by request: what an Accept header lists when we refuse a body (RFC 3261 section 8.2.3).</summary>
internal static class SipContentTypes
{
    public const string Sdp = "application/sdp";

    /// <summary>DTMF bodies of a legacy INFO (RFC 6086 section 2): the only INFO bodies we act on.</summary>
    public const string Dtmf = "application/dtmf-relay, application/dtmf";

    /// <summary>Everything we read in any request: the Accept of our answer to OPTIONS.</summary>
    public const string All = "application/sdp, application/dtmf-relay, application/dtmf, message/sipfrag";

    /// <summary>The media type of a Content-Type value, without parameters, lower case; null when there is none.</summary>
    public static string? MediaType(string? contentType) =>
        contentType is null ? null : contentType.Split(';')[0].Trim().ToLowerInvariant();

    public static bool IsSdp(string? contentType) => MediaType(contentType) == Sdp;

    public static bool IsDtmf(string? contentType) => MediaType(contentType) is "application/dtmf-relay" or "application/dtmf";
}
