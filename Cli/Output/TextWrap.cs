using System.Text;

namespace VoiceFunctions.Cli.Output;

/// <summary>Word wrapping for plain text (no colour codes inside), so output fits 80 columns.</summary>
public static class TextWrap
{
    public static IEnumerable<string> Wrap(string text, int width, int firstIndent, int indent) =>
        Wrap(text, width, firstIndent, indent, width);

    /// <summary>Wraps to <paramref name="columnWidth"/> characters; a word longer than that is cut into pieces.</summary>
    public static IEnumerable<string> Wrap(string text, int width, int firstIndent, int indent, int columnWidth)
    {
        width = Math.Min(width, columnWidth + Math.Max(firstIndent, indent));
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(w => Pieces(w, width - Math.Max(firstIndent, indent)));
        return WrapWords(words, width, firstIndent, indent);
    }

    private static IEnumerable<string> Pieces(string word, int max)
    {
        for (var i = 0; i < word.Length; i += max)
        {
            yield return word.Substring(i, Math.Min(max, word.Length - i));
        }
    }

    private static IEnumerable<string> WrapWords(IEnumerable<string> words, int width, int firstIndent, int indent)
    {
        var line = new StringBuilder(new string(' ', firstIndent));
        var lineHasWord = false;
        foreach (var word in words)
        {
            if (lineHasWord && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear().Append(' ', indent);
                lineHasWord = false;
            }
            if (lineHasWord)
            {
                line.Append(' ');
            }
            line.Append(word);
            lineHasWord = true;
        }
        if (lineHasWord)
        {
            yield return line.ToString();
        }
    }
}
