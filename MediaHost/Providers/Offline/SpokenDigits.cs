namespace VoiceFunctions.MediaHost.Providers;

/// <summary>
/// Digits said aloud ("one two three", "один", "zero") read as the keys they name, so a caller who says a digit where
/// a keypad menu or a digit slot expects a key is understood as if they had pressed it. An utterance counts as digits
/// only when every word is a digit or one of a few lead-in words ("press", "number", "нажимаю"); anything else is
/// ordinary speech.
/// </summary>
public static class SpokenDigits
{
    private static readonly Dictionary<string, char> English = new(StringComparer.Ordinal)
    {
        ["zero"] = '0', ["one"] = '1', ["two"] = '2', ["three"] = '3', ["four"] = '4',
        ["five"] = '5', ["six"] = '6', ["seven"] = '7', ["eight"] = '8', ["nine"] = '9',
    };

    private static readonly Dictionary<string, char> Russian = new(StringComparer.Ordinal)
    {
        ["ноль"] = '0', ["нуль"] = '0', ["один"] = '1', ["одна"] = '1', ["единица"] = '1', ["единицу"] = '1',
        ["два"] = '2', ["две"] = '2', ["двойка"] = '2', ["двойку"] = '2', ["три"] = '3', ["четыре"] = '4',
        ["пять"] = '5', ["шесть"] = '6', ["семь"] = '7', ["восемь"] = '8', ["девять"] = '9',
    };

    private static readonly HashSet<string> LeadIn = new(StringComparer.Ordinal)
    {
        "press", "pressing", "number", "option", "key", "digit", "i", "choose", "the", "please", "um", "uh", "and",
        "нажимаю", "нажать", "цифра", "цифру", "номер", "кнопка", "кнопку", "пожалуйста", "выбираю", "и", "ну",
    };

    /// <summary>The spoken words for each digit 0–9 in <paramref name="language"/> (two-letter code), for a recogniser's
    /// grammar or language model; empty for a language without a table.</summary>
    public static IReadOnlyList<string> Words(string language) => language switch
    {
        "en" => ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
        "ru" => ["ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"],
        _ => [],
    };

    /// <summary>The digits <paramref name="text"/> says ("one two three" → "123", "1 2" → "12"), or null when it says
    /// anything but digits and lead-in words.</summary>
    public static string? Read(string text, string language)
    {
        var words = language switch { "en" => English, "ru" => Russian, _ => null };
        var digits = new System.Text.StringBuilder();
        foreach (var word in text.ToLowerInvariant().Split([' ', ',', '.', '!', '?', '-', '—', ':', ';', '"'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.All(char.IsAsciiDigit))
            {
                digits.Append(word);
            }
            else if (words is not null && words.TryGetValue(word, out var digit))
            {
                digits.Append(digit);
            }
            else if (!LeadIn.Contains(word))
            {
                return null;
            }
        }
        return digits.Length > 0 ? digits.ToString() : null;
    }
}
