namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>
/// The headers of a message in their order. Names compare case-insensitively (compact forms are expanded when
/// parsed). Repeated headers and comma-separated values of list headers both read back as separate values.
/// A parsed message's headers are an index into its bytes: a value becomes a string only when it is read.
/// </summary>
public sealed class SipHeaderList : IEnumerable<SipHeader>
{
    private SipHeaderEntry[] _entries;
    private int _count;

    public SipHeaderList(int capacity = 12) => _entries = capacity > 0 ? new SipHeaderEntry[capacity] : [];

    /// <summary>The parser's index (shared, not copied).</summary>
    internal SipHeaderList(SipHeaderEntry[] entries, int count)
    {
        _entries = entries;
        _count = count;
    }

    public int Count => _count;

    public SipHeader this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
            ref var entry = ref _entries[index];
            return new SipHeader(entry.NameText(), entry.ValueText());
        }
    }

    /// <summary>The entries as stored, for the serializer (which copies plain parsed values as bytes).</summary>
    internal ReadOnlySpan<SipHeaderEntry> Entries => _entries.AsSpan(0, _count);

    public void Add(string name, string value) => Insert(_count, SipHeaderEntry.FromText(SipHeaderNames.Canonicalize(name), Checked(value)));

    /// <summary>Inserts before every other header of that name (a proxy or UAC adds its Via at the top).</summary>
    public void AddFirst(string name, string value)
    {
        var canonical = SipHeaderNames.Canonicalize(name);
        var index = IndexOf(canonical);
        Insert(index < 0 ? _count : index, SipHeaderEntry.FromText(canonical, Checked(value)));
    }

    /// <summary>Replaces every header of that name with one value (or adds it).</summary>
    public void Set(string name, string value)
    {
        Checked(value);
        var canonical = SipHeaderNames.Canonicalize(name);
        var index = IndexOf(canonical);
        if (index < 0)
        {
            Insert(_count, SipHeaderEntry.FromText(canonical, value));
            return;
        }
        _entries[index] = SipHeaderEntry.FromText(canonical, value);
        RemoveAll(canonical, index + 1);
    }

    public int Remove(string name) => RemoveAll(SipHeaderNames.Canonicalize(name), 0);

    /// <summary>The first value of a header (the whole line for non-list headers, the first element for lists).</summary>
    public string? Get(string name)
    {
        var canonical = SipHeaderNames.Canonicalize(name);
        var index = IndexOf(canonical);
        if (index < 0)
        {
            return null;
        }
        var value = _entries[index].ValueText();
        return SipHeaderNames.IsList(canonical) ? SipValueSplitter.First(value) : value;
    }

    /// <summary>
    /// What <see cref="Get"/> returns, as characters in <paramref name="scratch"/> when the value is plain ASCII
    /// that fits (no allocation), so the parser can check the mandatory headers without making strings.
    /// </summary>
    internal bool TryGetFirst(string canonical, Span<char> scratch, out ReadOnlySpan<char> value)
    {
        var index = IndexOf(canonical);
        if (index < 0)
        {
            value = default;
            return false;
        }
        var whole = _entries[index].ValueChars(scratch);
        value = SipHeaderNames.IsList(canonical) ? SipValueSplitter.First(whole) : whole;
        return true;
    }

    public bool Contains(string name) => IndexOf(SipHeaderNames.Canonicalize(name)) >= 0;

    /// <summary>How many header lines carry that (canonical) name; a message may carry a single-value header once.</summary>
    internal int Occurrences(string canonical)
    {
        var count = 0;
        for (var i = 0; i < _count; i++)
        {
            count += _entries[i].HasName(canonical) ? 1 : 0;
        }
        return count;
    }

    /// <summary>Every value, in order, across repeated headers and (for list headers) comma-separated elements.</summary>
    public IReadOnlyList<string> GetAll(string name)
    {
        var canonical = SipHeaderNames.Canonicalize(name);
        var isList = SipHeaderNames.IsList(canonical);
        var values = new List<string>();
        for (var i = 0; i < _count; i++)
        {
            ref var entry = ref _entries[i];
            if (!entry.HasName(canonical))
            {
                continue;
            }
            if (isList)
            {
                SipValueSplitter.SplitInto(entry.ValueText(), values);
            }
            else
            {
                values.Add(entry.ValueText());
            }
        }
        return values;
    }

    /// <summary>
    /// Copies every header of that name, in order, from another message (Via, Record-Route echoing). A parsed header
    /// is copied as its index into the other message's bytes, so echoing it costs no decoding.
    /// </summary>
    public void CopyFrom(SipHeaderList source, string name)
    {
        var canonical = SipHeaderNames.Canonicalize(name);
        for (var i = 0; i < source._count; i++)
        {
            if (source._entries[i].HasName(canonical))
            {
                Insert(_count, source._entries[i]);
            }
        }
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<SipHeader> IEnumerable<SipHeader>.GetEnumerator() => GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string canonical)
    {
        for (var i = 0; i < _count; i++)
        {
            if (_entries[i].HasName(canonical))
            {
                return i;
            }
        }
        return -1;
    }

    private void Insert(int index, SipHeaderEntry entry)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, Math.Max(4, _count * 2));
        }
        Array.Copy(_entries, index, _entries, index + 1, _count - index);
        _entries[index] = entry;
        _count++;
    }

    private int RemoveAll(string canonical, int start)
    {
        var kept = start;
        for (var i = start; i < _count; i++)
        {
            if (!_entries[i].HasName(canonical))
            {
                _entries[kept++] = _entries[i];
            }
        }
        var removed = _count - kept;
        Array.Clear(_entries, kept, removed);
        _count = kept;
        return removed;
    }

    /// <summary>A value containing CR or LF would inject headers into what we send: refuse it.</summary>
    private static string Checked(string value) =>
        value.AsSpan().IndexOfAny('\r', '\n') >= 0 ? throw new ArgumentException("header values cannot contain CR or LF", nameof(value)) : value;

    /// <summary>Walks the headers in order, decoding each as it is reached.</summary>
    public struct Enumerator : IEnumerator<SipHeader>
    {
        private readonly SipHeaderList _list;
        private int _index;

        internal Enumerator(SipHeaderList list)
        {
            _list = list;
            _index = -1;
        }

        public readonly SipHeader Current => _list[_index];

        readonly object System.Collections.IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < _list._count;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}
