namespace VoiceFunctions.MediaHost.Tests.Layering;

/// <summary>
/// The MediaHost's layers, bottom up: the media model, the protocol folders (SIP/SDP, RTP, codecs, media), then the call,
/// the agent and its providers, the control-plane reporting and the host. The lower layers import nothing above them.
/// </summary>
public static class MediaHostLayers
{
    /// <summary>Folders under MediaHost/ that form the bottom: each may import only from this list (and Shared, System...).</summary>
    public static readonly string[] LowerFolders = ["MediaModel", "Sip", "Rtp", "Codecs", "Media"];

    /// <summary>Namespaces above the protocol code: the call surface and everything built on it.</summary>
    public static readonly string[] UpperNamespaces =
    [
        "VoiceFunctions.MediaHost.Calls",
        "VoiceFunctions.MediaHost.Agent",
        "VoiceFunctions.MediaHost.Providers",
        "VoiceFunctions.MediaHost.ControlPlane",
        "VoiceFunctions.MediaHost.Hosting",
    ];

    public static readonly string[] LowerNamespaces = [.. LowerFolders.Select(f => "VoiceFunctions.MediaHost." + f)];

    /// <summary>True for <paramref name="ns"/> itself or any namespace inside one of <paramref name="roots"/>.</summary>
    public static bool IsIn(string? ns, IEnumerable<string> roots) =>
        ns is not null && roots.Any(root => ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal));
}
