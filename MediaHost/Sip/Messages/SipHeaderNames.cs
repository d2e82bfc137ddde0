using System.Collections.Frozen;

namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>
/// Header names we know: their canonical spelling, the compact forms of RFC 3261 section 7.3.3 (and later RFCs),
/// and which headers carry comma-separated lists (so "Via: a, b" means two Via values).
/// </summary>
public static class SipHeaderNames
{
    public const string Via = "Via";
    public const string From = "From";
    public const string To = "To";
    public const string CallId = "Call-ID";
    public const string CSeq = "CSeq";
    public const string Contact = "Contact";
    public const string MaxForwards = "Max-Forwards";
    public const string ContentLength = "Content-Length";
    public const string ContentType = "Content-Type";
    public const string Route = "Route";
    public const string RecordRoute = "Record-Route";
    public const string Allow = "Allow";
    public const string Accept = "Accept";
    public const string Supported = "Supported";
    public const string Require = "Require";
    public const string Unsupported = "Unsupported";
    public const string UserAgent = "User-Agent";
    public const string Server = "Server";
    public const string Expires = "Expires";
    public const string Event = "Event";
    public const string SubscriptionState = "Subscription-State";
    public const string ReferTo = "Refer-To";
    public const string ReferredBy = "Referred-By";
    public const string WwwAuthenticate = "WWW-Authenticate";
    public const string ProxyAuthenticate = "Proxy-Authenticate";
    public const string Authorization = "Authorization";
    public const string ProxyAuthorization = "Proxy-Authorization";
    public const string RetryAfter = "Retry-After";
    public const string Warning = "Warning";
    public const string Reason = "Reason";
    public const string InfoPackage = "Info-Package";
    public const string RecvInfo = "Recv-Info";

    private static readonly FrozenDictionary<string, string> Canonical = BuildCanonical();

    /// <summary>Bucket size of <see cref="KnownByLengthAndLetter"/>: one slot per letter, 'a' at 1 (letter &amp; 31).</summary>
    private const int Letters = 32;

    /// <summary>
    /// Every spelling in <see cref="Canonical"/> as bytes, bucketed by length and first letter, so the parser finds a
    /// name off the wire with one or two case-insensitive compares and no decoding (built from the same table, so the
    /// two lookups cannot disagree).
    /// </summary>
    private static readonly (byte[] Spelling, string Canonical)[]?[] KnownByLengthAndLetter = BuildByteLookup();

    private static readonly FrozenSet<string> ListHeaders = new[]
    {
        Via, Contact, Route, RecordRoute, Allow, Accept, Supported, Require, Unsupported, "Proxy-Require",
        "Accept-Encoding", "Accept-Language", "Allow-Events", "Content-Encoding", "Content-Language", "In-Reply-To",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static FrozenDictionary<string, string> BuildCanonical()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["i"] = CallId, ["m"] = Contact, ["f"] = From, ["t"] = To, ["v"] = Via, ["l"] = ContentLength,
            ["c"] = ContentType, ["k"] = Supported, ["s"] = "Subject", ["e"] = "Content-Encoding", ["o"] = Event,
            ["r"] = ReferTo, ["b"] = ReferredBy, ["u"] = "Allow-Events", ["a"] = "Accept-Contact",
            ["j"] = "Reject-Contact", ["d"] = "Request-Disposition", ["x"] = "Session-Expires", ["y"] = "Identity",
        };
        foreach (var name in new[]
        {
            Via, From, To, CallId, CSeq, Contact, MaxForwards, ContentLength, ContentType, Route, RecordRoute, Allow,
            Accept, Supported, Require, Unsupported, UserAgent, Server, Expires, Event, SubscriptionState, ReferTo,
            ReferredBy, WwwAuthenticate, ProxyAuthenticate, Authorization, ProxyAuthorization, RetryAfter, Warning,
            Reason, "Subject", "Content-Encoding", "Allow-Events", "Session-Expires", "Min-Expires", "Date", "Timestamp",
        })
        {
            map[name] = name;
        }
        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static (byte[], string)[]?[] BuildByteLookup()
    {
        var longest = Canonical.Keys.Max(k => k.Length);
        var buckets = new List<(byte[], string)>?[(longest + 1) * Letters];
        foreach (var (spelling, canonical) in Canonical)
        {
            var slot = spelling.Length * Letters + (spelling[0] & 31);
            (buckets[slot] ??= []).Add((System.Text.Encoding.ASCII.GetBytes(spelling), canonical));
        }
        return buckets.Select(b => b?.ToArray()).ToArray();
    }

    /// <summary>
    /// The canonical name for a known header or compact form given as bytes off the wire (a token, so ASCII); false
    /// for any other name, which the caller keeps as its bytes.
    /// </summary>
    public static bool TryGetKnown(ReadOnlySpan<byte> name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? canonical)
    {
        canonical = null;
        var letter = name.IsEmpty ? 0 : name[0] | 0x20;
        if (letter is < 'a' or > 'z' || (name.Length + 1) * Letters > KnownByLengthAndLetter.Length)
        {
            return false;
        }
        var bucket = KnownByLengthAndLetter[name.Length * Letters + (letter & 31)];
        if (bucket is null)
        {
            return false;
        }
        foreach (var (spelling, known) in bucket)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(name, spelling))
            {
                canonical = known;
                return true;
            }
        }
        return false;
    }

    /// <summary>The canonical name for a known header or compact form; the name as received otherwise.</summary>
    public static string Canonicalize(string name) => Canonical.TryGetValue(name, out var canonical) ? canonical : name;

    /// <summary>Looks a name up from raw bytes without allocating for known names.</summary>
    public static string Canonicalize(ReadOnlySpan<char> name) =>
        Canonical.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var canonical) ? canonical : name.ToString();

    /// <summary>True for headers whose value is a comma-separated list of elements.</summary>
    public static bool IsList(string name)
    {
        // The headers read on every message answer without hashing.
        if (ReferenceEquals(name, Via) || ReferenceEquals(name, Contact) || ReferenceEquals(name, Route) || ReferenceEquals(name, RecordRoute))
        {
            return true;
        }
        if (ReferenceEquals(name, From) || ReferenceEquals(name, To) || ReferenceEquals(name, CallId) || ReferenceEquals(name, CSeq)
            || ReferenceEquals(name, MaxForwards) || ReferenceEquals(name, ContentLength) || ReferenceEquals(name, ContentType))
        {
            return false;
        }
        return ListHeaders.Contains(name);
    }
}
