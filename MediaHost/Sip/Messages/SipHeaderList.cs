namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>
/// The headers of a message in their order. Names compare case-insensitively (compact forms are expanded when
/// parsed). Repeated headers and comma-separated values of list headers both read back as separate values.
/// </summary>
public sealed class SipHeaderList : IEnumerable<SipHeader>
{
    private readonly List<SipHeader> _headers;

    public SipHeaderList(int capacity = 12) => _headers = new List<SipHeader>(capacity);

    public int Count => _headers.Count;

    public SipHeader this[int index] => _headers[index];

    public void Add(string name, string value) => _headers.Add(new SipHeader(SipHeaderNames.Canonicalize(name), Checked(value)));

    /// <summary>Inserts before every other header of that name (a proxy or UAC adds its Via at the top).</summary>
    public void AddFirst(string name, string value)
    {
        var canonical = SipHeaderNames.Canonicalize(name);
        var index = _headers.FindIndex(h => Is(h, canonical));
        _headers.Insert(index < 0 ? _headers.Count : index, new SipHeader(canonical, Checked(value)));
    }

    /// <summary>Replaces every header of that name with one value (or adds it).</summary>
    public void Set(string name, string value)
    {
        Checked(value);
        var canonical = SipHeaderNames.Canonicalize(name);
        var index = _headers.FindIndex(h => Is(h, canonical));
        if (index < 0)
        {
            _headers.Add(new SipHeader(canonical, value));
            return;
        }
        _headers[index] = new SipHeader(canonical, value);
        _headers.RemoveAll(h => Is(h, canonical) && !ReferenceEquals(h.Value, value));
    }

    public int Remove(string name)
    {
        var canonical = SipHeaderNames.Canonicalize(name);
        return _headers.RemoveAll(h => Is(h, canonical));
    }

    /// <summary>The first value of a header (the whole line for non-list headers, the first element for lists).</summary>
    public string? Get(string name)
    {
        var canonical = SipHeaderNames.Canonicalize(name);
        foreach (var header in _headers)
        {
            if (Is(header, canonical))
            {
                return SipHeaderNames.IsList(canonical) ? SipValueSplitter.First(header.Value) : header.Value;
            }
        }
        return null;
    }

    public bool Contains(string name) => Get(name) is not null;

    /// <summary>Every value, in order, across repeated headers and (for list headers) comma-separated elements.</summary>
    public IReadOnlyList<string> GetAll(string name)
    {
        var canonical = SipHeaderNames.Canonicalize(name);
        var isList = SipHeaderNames.IsList(canonical);
        var values = new List<string>();
        foreach (var header in _headers)
        {
            if (!Is(header, canonical))
            {
                continue;
            }
            if (isList)
            {
                SipValueSplitter.SplitInto(header.Value, values);
            }
            else
            {
                values.Add(header.Value);
            }
        }
        return values;
    }

    /// <summary>Copies every header of that name, in order, from another message (Via, Record-Route echoing).</summary>
    public void CopyFrom(SipHeaderList source, string name)
    {
        var canonical = SipHeaderNames.Canonicalize(name);
        foreach (var header in source._headers)
        {
            if (Is(header, canonical))
            {
                _headers.Add(header);
            }
        }
    }

    public IEnumerator<SipHeader> GetEnumerator() => _headers.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A value containing CR or LF would inject headers into what we send: refuse it.</summary>
    private static string Checked(string value) =>
        value.AsSpan().IndexOfAny('\r', '\n') >= 0 ? throw new ArgumentException("header values cannot contain CR or LF", nameof(value)) : value;

    private static bool Is(SipHeader header, string canonical) =>
        ReferenceEquals(header.Name, canonical) || string.Equals(header.Name, canonical, StringComparison.OrdinalIgnoreCase);
}
