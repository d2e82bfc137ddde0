namespace VoiceFunctions.Functions.Campaigns;

/// <summary>How a problem names an entry and its field: "entries[3].to" in a JSON body, "line 5: to" in a CSV one.</summary>
public sealed class EntryNames
{
    private readonly Func<int, string> _entry;
    private readonly string _separator;

    private EntryNames(Func<int, string> entry, string separator) => (_entry, _separator) = (entry, separator);

    public static EntryNames Json { get; } = new(i => $"entries[{i}]", ".");

    /// <param name="lines">The line of each entry (the header is line 1).</param>
    public static EntryNames Csv(IReadOnlyList<int> lines) => new(i => $"line {lines[i]}", ": ");

    public string Entry(int index) => _entry(index);

    public string Field(int index, string field) => _entry(index) + _separator + field;
}
