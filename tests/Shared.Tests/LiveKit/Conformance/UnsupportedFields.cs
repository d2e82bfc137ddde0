using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Shared.Tests.LiveKit.Conformance;

/// <summary>
/// The one list of LiveKit RPCs, fields and enum values our client does not model, each with its reason
/// (UnsupportedFields.txt beside this file). Keys: <c>rpc Service/Method</c>, <c>livekit.Message.jsonName</c>,
/// <c>livekit.Message.*</c>, <c>enum livekit.Enum.VALUE</c> / <c>enum livekit.Enum.*</c>, and the same with a
/// <c>webhook </c> prefix for what the webhook parser does not read.
/// </summary>
public sealed class UnsupportedFields
{
    private readonly Dictionary<string, string> _reasons;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    private UnsupportedFields(Dictionary<string, string> reasons) => _reasons = reasons;

    public static UnsupportedFields Load()
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "Shared.Tests", "LiveKit", "Conformance", "UnsupportedFields.txt");
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var split = line.IndexOf("  ", StringComparison.Ordinal);
            if (split < 0 || line[split..].Trim().Length == 0)
            {
                throw new FormatException($"UnsupportedFields.txt: '{line}' gives no reason (key, two spaces, reason)");
            }
            reasons.Add(line[..split].Trim(), line[split..].Trim());
        }
        return new UnsupportedFields(reasons);
    }

    /// <summary>True when <paramref name="key"/> or its message's wildcard is listed; marks the entry used.</summary>
    public bool IsListed(string key)
    {
        if (_reasons.ContainsKey(key))
        {
            _used.Add(key);
            return true;
        }
        var wildcard = key[..(key.LastIndexOf('.') + 1)] + "*";
        if (_reasons.ContainsKey(wildcard))
        {
            _used.Add(wildcard);
            return true;
        }
        return false;
    }

    /// <summary>Entries nothing matched: stale (the field is now modelled, or LiveKit removed it).</summary>
    public IEnumerable<string> Unused => _reasons.Keys.Where(k => !_used.Contains(k));
}
