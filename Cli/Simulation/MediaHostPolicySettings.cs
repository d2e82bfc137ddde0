using System.Text.Json;

namespace VoiceFunctions.Cli.Simulation;

/// <summary>
/// The MediaHost's inbound policy as configured in its settings JSON (appsettings.json's "Sip" section:
/// AllowedNetworks, AcceptedNumbers, RejectUnlistedWith403, InboundAuthentication.Username, Registration.Registrar, TlsPort), with the line each
/// key is written on. The MediaHost itself is not a dependency of voicectl, so the keys are read here by name.
/// </summary>
public sealed record MediaHostPolicySettings(
    string FileName,
    IReadOnlyList<string> AllowedNetworks,
    int? AllowedNetworksLine,
    IReadOnlyList<string> AcceptedNumbers,
    int? AcceptedNumbersLine,
    bool RejectUnlistedWith403,
    string? InboundAuthUser,
    int? InboundAuthLine,
    string? Registrar = null,
    int? TlsPort = null,
    int? TlsPortLine = null)
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads the settings; null with <paramref name="problem"/> when the file is not JSON or has no Sip section.</summary>
    public static MediaHostPolicySettings? Load(string path, out string? problem)
    {
        var text = File.ReadAllText(path);
        JsonElement sip;
        try
        {
            using var document = JsonDocument.Parse(text, Lenient);
            if (!TryGet(document.RootElement, "Sip", out sip))
            {
                problem = $"{Path.GetFileName(path)} has no \"Sip\" section (the MediaHost's SIP settings)";
                return null;
            }
            sip = sip.Clone();
        }
        catch (JsonException e)
        {
            problem = $"{Path.GetFileName(path)} is not JSON: {e.Message}";
            return null;
        }
        problem = null;
        var auth = TryGet(sip, "InboundAuthentication", out var inbound) && TryGet(inbound, "Username", out var user) && user.ValueKind == JsonValueKind.String
            ? user.GetString() : null;
        return new MediaHostPolicySettings(Path.GetFileName(path),
            Strings(sip, "AllowedNetworks"), LineOf(text, "AllowedNetworks"),
            Strings(sip, "AcceptedNumbers"), LineOf(text, "AcceptedNumbers"),
            TryGet(sip, "RejectUnlistedWith403", out var reject) && reject.ValueKind == JsonValueKind.True,
            string.IsNullOrEmpty(auth) ? null : auth, LineOf(text, "InboundAuthentication"),
            TryGet(sip, "Registration", out var registration) && TryGet(registration, "Registrar", out var registrar) && registrar.ValueKind == JsonValueKind.String
                ? registrar.GetString() : null,
            // SIP over TLS is on when TlsPort is a port (the MediaHost's default -1 is off).
            TryGet(sip, "TlsPort", out var tls) && tls.ValueKind == JsonValueKind.Number && tls.TryGetInt32(out var port) && port > 0 ? port : null,
            LineOf(text, "TlsPort"));
    }

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        foreach (var property in element.EnumerateObject())
        {
            // .NET configuration keys are case-insensitive; so is this.
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }
        return false;
    }

    private static IReadOnlyList<string> Strings(JsonElement sip, string name) =>
        TryGet(sip, name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray()
            : [];

    /// <summary>The first line naming the key (JsonDocument keeps no positions; a key name is distinctive enough here).</summary>
    private static int? LineOf(string text, string key)
    {
        var index = text.IndexOf('"' + key + '"', StringComparison.OrdinalIgnoreCase);
        return index < 0 ? null : text.AsSpan(0, index).Count('\n') + 1;
    }
}
