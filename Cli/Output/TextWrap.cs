using System.Text;

namespace VoiceFunctions.Cli.Output;

/// <summary>Word wrapping for plain text (no colour codes inside), so output fits 80 columns.</summary>
public static class TextWrap
{
    public static IEnumerable<string> Wrap(string text, int width, int firstIndent, int indent)
    {
        var line = new StringBuilder(new string(' ', firstIndent));
        var lineHasWord = false;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
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
