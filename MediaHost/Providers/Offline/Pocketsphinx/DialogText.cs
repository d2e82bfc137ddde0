using System.Text;

namespace VoiceFunctions.MediaHost.Providers.Offline;

/// <summary>Dialog phrases as decoder tokens.</summary>
internal static class DialogText
{
    /// <summary>Lower case, letters, apostrophes and single spaces only (grammar and language-model tokens).</summary>
    public static string Normalise(string phrase)
    {
        var text = new StringBuilder(phrase.Length);
        foreach (var c in phrase.ToLowerInvariant())
        {
            text.Append(char.IsLetter(c) || c == '\'' ? c : ' ');
        }
        return string.Join(' ', text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
