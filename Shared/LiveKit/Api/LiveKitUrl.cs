using System.Diagnostics.CodeAnalysis;

namespace VoiceFunctions.Shared.LiveKit.Api;

/// <summary>
/// The base URL of the Twirp API. LiveKit URLs are often given as ws(s):// (what clients connect to);
/// the API is the same host over http(s)://. Any path is dropped, because Twirp paths are absolute
/// (/twirp/livekit.Service/Method).
/// </summary>
public static class LiveKitUrl
{
    public static Uri ToHttpBase(string url) =>
        TryToHttpBase(url, out var result)
            ? result
            : throw new ArgumentException($"'{url}' is not an absolute http, https, ws or wss URL", nameof(url));

    public static bool TryToHttpBase(string url, [NotNullWhen(true)] out Uri? result)
    {
        result = null;
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed))
        {
            return false;
        }
        var scheme = parsed.Scheme switch
        {
            "ws" or "http" => Uri.UriSchemeHttp,
            "wss" or "https" => Uri.UriSchemeHttps,
            _ => null,
        };
        if (scheme is null || parsed.Host.Length == 0)
        {
            return false;
        }
        // A default port (443 for wss) stays the default of the new scheme; an explicit one is kept.
        result = parsed.IsDefaultPort
            ? new UriBuilder(scheme, parsed.Host).Uri
            : new UriBuilder(scheme, parsed.Host, parsed.Port).Uri;
        return true;
    }

    /// <summary>POST target of one method: {base}/twirp/livekit.{service}/{method}.</summary>
    public static Uri MethodUri(Uri httpBase, TwirpMethod method) =>
        new(httpBase, $"/twirp/livekit.{method.Service}/{method.Name}");
}
