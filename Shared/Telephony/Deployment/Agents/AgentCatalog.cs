using VoiceFunctions.Shared.Telephony.Numbers;

namespace VoiceFunctions.Shared.Telephony.Deployment.Agents;

/// <summary>Every agent of a deployment file, found by number. Immutable: a reload builds a new catalog.</summary>
public sealed class AgentCatalog
{
    private readonly Dictionary<string, AgentSettings> _byNumber;

    public AgentCatalog(AgentSettings defaultAgent, IReadOnlyList<AgentSettings> profiles, IReadOnlyList<AgentToolDefinition> tools)
    {
        Default = defaultAgent;
        Profiles = profiles;
        Tools = tools;
        _byNumber = new Dictionary<string, AgentSettings>(StringComparer.Ordinal);
        foreach (var profile in profiles)
        {
            foreach (var number in profile.Numbers)
            {
                _byNumber.TryAdd(number, profile);
            }
        }
    }

    /// <summary>The catalog of a host without agent configuration: one default agent, the host's own settings.</summary>
    public static readonly AgentCatalog HostDefaults = new(AgentSettings.HostDefault, [], []);

    public AgentSettings Default { get; }

    public IReadOnlyList<AgentSettings> Profiles { get; }

    public IReadOnlyList<AgentToolDefinition> Tools { get; }

    /// <summary>The agent of <paramref name="number"/> (any written form: "8 495…", "+7495…", "sip:+7495…@host"), or the default agent.</summary>
    public AgentSettings For(string? number)
    {
        if (number is null)
        {
            return Default;
        }
        var user = SipUser(number);
        if (_byNumber.TryGetValue(user, out var exact))
        {
            return exact;
        }
        // Providers often write the number as digits without "+" in the To user.
        var candidate = user.Length > 0 && user.All(char.IsAsciiDigit) && !PhoneNumber.TryParse(user, out _, out _) ? "+" + user : user;
        return PhoneNumber.TryParse(candidate, out var parsed, out _) && _byNumber.TryGetValue(parsed.E164, out var profile) ? profile : Default;
    }

    /// <summary>The user part of a SIP or tel URI ("sip:+7495@host;user=phone" → "+7495"); other text as it is.</summary>
    private static string SipUser(string text)
    {
        var value = text.Trim();
        foreach (var scheme in (ReadOnlySpan<string>)["sips:", "sip:", "tel:"])
        {
            if (value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                value = value[scheme.Length..];
                break;
            }
        }
        var end = value.IndexOfAny(['@', ';', '>']);
        return end >= 0 ? value[..end] : value;
    }
}
