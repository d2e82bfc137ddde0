using System.Text;

namespace VoiceFunctions.MediaHost.Providers.Offline;

/// <summary>
/// The decoder's pronunciation dictionary cut to the words its searches can use: the dialog's phrases and keywords,
/// the everyday fillers, the spoken digits and the common words (<see cref="CommonEnglishWords"/>). Every decoder load
/// used to parse the whole 135k-word CMU dictionary although the grammar and the dialog language model use a few
/// hundred of its words; the cut is taken from the installed dictionary at start (with every alternative
/// pronunciation, "word(2)"), written once to a temporary file the decoders share, and deleted with it.
/// </summary>
internal sealed class DialogDictionary : IDisposable
{
    private DialogDictionary(string path, int words)
    {
        Path = path;
        Words = words;
    }

    /// <summary>The cut dictionary's file (-dict).</summary>
    public string Path { get; }

    /// <summary>Headwords in the cut (alternative pronunciations not counted).</summary>
    public int Words { get; }

    /// <summary>Writes the entries of <paramref name="fullDictionary"/> whose word is one of <paramref name="words"/>.</summary>
    public static DialogDictionary Write(string fullDictionary, IEnumerable<string> words)
    {
        if (!File.Exists(fullDictionary))
        {
            throw new ProviderException("pocketsphinx", $"the pronunciation dictionary '{fullDictionary}' does not exist (the Debian package is pocketsphinx-en-us)", isTransient: false);
        }
        var wanted = new HashSet<string>(words.Select(w => w.ToLowerInvariant()), StringComparer.Ordinal);
        var (text, found) = Cut(File.ReadLines(fullDictionary), wanted);
        if (found == 0)
        {
            throw new ProviderException("pocketsphinx", $"the pronunciation dictionary '{fullDictionary}' has none of the dialog's words (is it a CMU-format dictionary?)", isTransient: false);
        }
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"voicefunctions-dialog-{Environment.ProcessId}-{Guid.NewGuid():N}.dict");
        File.WriteAllText(path, text);
        return new DialogDictionary(path, found);
    }

    /// <summary>The lines of a CMU-format dictionary ("word PH ON ES", "word(2) ...") whose word is wanted, and how many words were found.</summary>
    public static (string Text, int Words) Cut(IEnumerable<string> lines, IReadOnlySet<string> wanted)
    {
        var text = new StringBuilder();
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var end = line.IndexOfAny([' ', '\t']);
            if (end <= 0)
            {
                continue;
            }
            var entry = line.AsSpan(0, end);
            var variant = entry.IndexOf('(');
            var word = (variant > 0 ? entry[..variant] : entry).ToString();
            if (wanted.Contains(word))
            {
                text.Append(line).Append('\n');
                found.Add(word);
            }
        }
        return (text.ToString(), found.Count);
    }

    public void Dispose() => File.Delete(Path);
}
