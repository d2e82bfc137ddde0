namespace VoiceFunctions.MediaHost.Tests.Providers.OfflineRecognition;

/// <summary>One phrasing of the set: the intent it means ("none" for out-of-script) and the words.</summary>
public sealed record Phrasing(string Intent, string Text, bool InRegressionSubset);

/// <summary>A voice of espeak-ng and a speaking rate, standing in for a caller.</summary>
public sealed record SyntheticVoice(string Voice, int WordsPerMinute)
{
    public override string ToString() => $"{Voice}@{WordsPerMinute}";
}

/// <summary>The phrasing set of the built-in dialog (phrasings.tsv beside this file) and the voices it is spoken in.</summary>
public static class PhrasingSet
{
    public const string NoIntent = "none";

    /// <summary>Five espeak-ng voices and speeds: American, British, a female variant, Scottish and Caribbean English.</summary>
    public static readonly IReadOnlyList<SyntheticVoice> Voices =
    [
        new("en-us", 150), new("en-gb", 175), new("en-us+f3", 165), new("en-gb-scotland", 140), new("en-029", 185),
    ];

    /// <summary>The set in <paramref name="path"/>, by default phrasings.tsv beside the tests.</summary>
    public static IReadOnlyList<Phrasing> Load(string? path = null)
    {
        path ??= Path.Combine(AppContext.BaseDirectory, "OfflineRecognition", "phrasings.tsv");
        return File.ReadLines(path)
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('\t'))
            .Select(cells => new Phrasing(cells[0], cells[1], cells.Length > 2 && cells[2] == "*"))
            .ToList();
    }
}
