namespace VoiceFunctions.Shared.Telephony.Deployment.Validation;

/// <summary>The codecs the MediaHost implements, with the SDP names the SIP bridge's codecs map uses.</summary>
public static class SupportedCodecs
{
    public static readonly IReadOnlyList<string> Names = ["PCMU", "PCMA", "G722", "opus", "telephone-event"];

    /// <summary>What the bridge enables when its config names no codecs (telephone-event is always added).</summary>
    public static readonly IReadOnlyList<string> BridgeDefaults = ["PCMU", "PCMA", "G722", "telephone-event"];

    /// <summary>The canonical spelling of a supported codec name (SDP names are case-insensitive), else null.</summary>
    public static string? Canonical(string name) =>
        Names.FirstOrDefault(n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase));

    public static bool IsAudio(string name) => name != "telephone-event";

    /// <summary>The key of the bridge's codecs map, e.g. "PCMU/8000" or "opus/48000/2".</summary>
    public static string SdpName(string name) => name switch
    {
        "opus" => "opus/48000/2",
        _ => name + "/8000",
    };
}
