namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>
/// A page position for the egress and ingress lists (livekit.TokenPagination): an object with the token,
/// not a bare string. Pass a response's NextPageToken as the next request's PageToken.
/// </summary>
public sealed class TokenPagination
{
    public string Token { get; set; } = "";
}
