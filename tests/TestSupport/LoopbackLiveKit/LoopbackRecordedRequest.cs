using VoiceFunctions.Shared.LiveKit.Auth;

namespace VoiceFunctions.TestSupport.LoopbackLiveKit;

/// <summary>
/// One request the loopback server received, as it arrived, and how it was answered; ReceivedAt is on the server's
/// clock. UnknownFields: body fields the method's request message does not define (ignored, as LiveKit does).
/// </summary>
public sealed record LoopbackRecordedRequest(
    string HttpMethod,
    string Path,
    string? ContentType,
    string? Authorization,
    string Body,
    ClaimGrants? Grants,
    int StatusCode,
    DateTimeOffset ReceivedAt = default,
    string? UserAgent = null,
    string? RequestId = null,
    IReadOnlyList<string>? UnknownFields = null)
{
    /// <summary>"Service/Method" for a Twirp path (/twirp/livekit.SIP/CreateSIPParticipant → "SIP/CreateSIPParticipant"), else the path.</summary>
    public string Method => Path.StartsWith("/twirp/livekit.", StringComparison.Ordinal) ? Path["/twirp/livekit.".Length..] : Path;

    /// <summary>The bearer token without "Bearer ", or null.</summary>
    public string? BearerToken => Authorization is { } value && value.StartsWith("Bearer ", StringComparison.Ordinal) ? value["Bearer ".Length..] : null;
}
