namespace VoiceFunctions.MediaHost.Hosting;

/// <summary>
/// The HTTP addresses the MediaHost listens on: the public ones (--urls, ASPNETCORE_HTTP_PORTS, or
/// <see cref="MediaHostPorts.Http"/>) plus the internal one of <see cref="InternalHttpOptions"/>, which must be a port
/// of its own. Pure: Program.cs hands the result to the web host.
/// </summary>
public static class InternalListener
{
    /// <summary>The URL list for the web host ("a;b;c"), the internal URL last.</summary>
    /// <exception cref="InvalidOperationException">The internal URL is not http with a port, or shares a public port.</exception>
    public static string ListenUrls(string? urls, string? httpPorts, string internalUrl)
    {
        if (!TryParse(internalUrl, out var port, out var error))
        {
            throw new InvalidOperationException(error);
        }
        var publicUrls = !string.IsNullOrWhiteSpace(urls)
            ? urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : !string.IsNullOrWhiteSpace(httpPorts)
                ? [.. httpPorts.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"http://*:{p}")]
                : [$"http://0.0.0.0:{MediaHostPorts.Http}"];
        foreach (var url in publicUrls)
        {
            if (PortOf(url) == port)
            {
                throw new InvalidOperationException(
                    $"{InternalHttpOptions.Section}:Url '{internalUrl}' uses port {port}, which the public HTTP listener '{url}' also uses: /metrics and the detailed health must have a port of their own");
            }
        }
        return string.Join(';', publicUrls.Append(internalUrl));
    }

    /// <summary>True when <paramref name="url"/> is an absolute http URL with an explicit port.</summary>
    public static bool TryParse(string? url, out int port, out string? error)
    {
        port = 0;
        error = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.IsDefaultPort || uri.PathAndQuery != "/")
        {
            error = $"{InternalHttpOptions.Section}:Url must be an http URL with an explicit port and no path, such as http://0.0.0.0:{MediaHostPorts.Internal} (got '{url}')";
            return false;
        }
        port = uri.Port;
        return true;
    }

    /// <summary>The port of a listen URL; Kestrel's wildcard hosts (* and +) are not valid URI hosts, so they are swapped first.</summary>
    private static int PortOf(string url) =>
        Uri.TryCreate(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var uri) ? uri.Port : -1;
}
