using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Cli.Doctor;

/// <summary>
/// Which checks doctor runs (--only / --skip, by the ids below). A check another one needs still runs, but is
/// shown only when it fails, so "--only drift" explains itself when the server cannot be reached.
/// </summary>
public sealed class DoctorSelection
{
    public const string Environment = "environment";
    public const string LiveKitUrl = "livekit-url";
    public const string Credentials = "credentials";
    public const string Room = "room";
    public const string SipApi = "sip-api";
    public const string Drift = "drift";
    public const string Routing = "routing";
    public const string Webhook = "webhook";
    public const string MediaHost = "mediahost";
    public const string Redis = "redis";
    public const string Carrier = "carrier";
    public const string Tls = "tls";
    public const string Clock = "clock";

    public static readonly IReadOnlyList<string> Ids =
        [Environment, LiveKitUrl, Credentials, Room, SipApi, Drift, Routing, Webhook, MediaHost, Redis, Carrier, Tls, Clock];

    private readonly HashSet<string> _selected;

    private DoctorSelection(HashSet<string> selected) => _selected = selected;

    public static DoctorSelection All { get; } = new([.. Ids]);

    public bool Includes(string id) => _selected.Contains(id);

    public bool IncludesAny(params string[] ids) => ids.Any(_selected.Contains);

    /// <summary>Ids may be repeated or comma-separated; an unknown one is a usage error with a suggestion.</summary>
    public static DoctorSelection? Create(IReadOnlyList<string> only, IReadOnlyList<string> skip, out string? problem)
    {
        problem = null;
        var onlyIds = Split(only);
        var skipIds = Split(skip);
        foreach (var id in onlyIds.Concat(skipIds))
        {
            if (!Ids.Contains(id))
            {
                var suggestion = EditDistance.ClosestMatch(id, Ids);
                problem = $"unknown check '{id}'" + (suggestion is null ? "" : $" (did you mean '{suggestion}'?)") + "; checks: " + string.Join(", ", Ids);
                return null;
            }
        }
        var selected = new HashSet<string>(onlyIds.Count > 0 ? onlyIds : Ids, StringComparer.Ordinal);
        selected.ExceptWith(skipIds);
        return new DoctorSelection(selected);
    }

    private static List<string> Split(IReadOnlyList<string> values) =>
        values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(v => v.ToLowerInvariant()).ToList();
}
