namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Russian and English abbreviations that end in a full stop without ending the sentence, compared
/// case-insensitively and without their final dot ("т.е", "dr"). A few ("etc", "т.д", "т.п") often do end a
/// sentence, so they only block a split when the next word starts in lower case — the general rule anyway.
/// </summary>
internal static class Abbreviations
{
    private static readonly HashSet<string> NeverEnd = new(StringComparer.OrdinalIgnoreCase)
    {
        // English
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "e.g", "i.e", "approx", "no", "fig", "inc", "ltd", "co",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "a.m", "p.m", "u.s",
        // Russian
        "т.е", "т.к", "т.н", "т.ч", "т", "г", "гг", "им", "ул", "д", "кв", "стр", "см", "рис", "млн", "млрд", "тыс",
        "руб", "коп", "др", "пр", "проф", "акад", "ст", "пер", "пл", "обл", "р", "тел", "доб", "напр", "ок", "мин", "сек",
    };

    /// <summary>True when <paramref name="word"/> (the text before a dot, without the dot) is an abbreviation or an initial.</summary>
    public static bool BlocksSentenceEnd(ReadOnlySpan<char> word)
    {
        if (word.Length == 1 && char.IsLetter(word[0]))
        {
            return true; // an initial: "A. S. Pushkin", "А. С. Пушкин"
        }
        return NeverEnd.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }
}
