using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using VoiceFunctions.Shared.Configuration;

namespace VoiceFunctions.Shared.Observability.Logging;

/// <summary>
/// The secret values present in configuration (LiveKit API secret, SIP passwords, connection strings, signing
/// keys, webhook URLs…), so the redactor masks them by value even where they have no recognisable shape.
/// </summary>
public static partial class KnownSecrets
{
    public static IReadOnlyList<string> From(IConfiguration? configuration)
    {
        if (configuration is null)
        {
            return [];
        }
        var secretKeys = ControlPlaneSettings.Secrets.Select(ControlPlaneSettings.ToConfigurationKey).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var values = new List<string>();
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }
            var lastSegment = key[(key.LastIndexOf(':') + 1)..];
            if (secretKeys.Contains(key) || SecretKeyName().IsMatch(lastSegment) || key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase))
            {
                values.Add(value);
            }
        }
        return values;
    }

    [GeneratedRegex(@"(secret|password|passwd|signingkey|accountkey|apikey|api_key|token|connection_?string)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretKeyName();
}
