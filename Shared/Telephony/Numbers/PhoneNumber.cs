namespace VoiceFunctions.Shared.Telephony.Numbers;

/// <summary>
/// A phone number in E.164 form ("+" then 8 to 15 digits). Providers write the same Russian number
/// three ways (89952227978, 79952227978, +79952227978); LiveKit matches trunk numbers loosely but
/// dispatch-rule numbers exactly, so the configuration keeps one canonical form and shows it.
/// </summary>
public readonly record struct PhoneNumber
{
    private PhoneNumber(string e164) => E164 = e164;

    /// <summary>The canonical form, e.g. "+79952227978".</summary>
    public string E164 { get; }

    /// <summary>The digits without the leading "+", the form many providers put in the To user.</summary>
    public string Digits => E164[1..];

    public override string ToString() => E164;

    /// <summary>
    /// Normalises <paramref name="text"/> to E.164. Spaces, dashes, dots and parentheses are ignored.
    /// Russian national forms are accepted: 11 digits starting with 8 or 7, and 10 digits starting
    /// with 9 (a mobile number without the trunk prefix). Anything else must already carry "+".
    /// </summary>
    public static bool TryParse(string? text, out PhoneNumber number, out string? problem)
    {
        number = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "the number is empty";
            return false;
        }

        Span<char> digits = stackalloc char[32];
        var count = 0;
        var hasPlus = false;
        foreach (var c in text.AsSpan().Trim())
        {
            if (c is ' ' or '-' or '.' or '(' or ')')
            {
                continue;
            }
            if (c == '+' && count == 0 && !hasPlus)
            {
                hasPlus = true;
                continue;
            }
            if (!char.IsAsciiDigit(c))
            {
                problem = $"'{c}' is not allowed in a phone number (only digits, an optional leading '+', spaces, '-', '.', '(' and ')')";
                return false;
            }
            if (count == digits.Length)
            {
                problem = "the number has more than 15 digits";
                return false;
            }
            digits[count++] = c;
        }

        var d = new string(digits[..count]);
        string e164;
        if (hasPlus)
        {
            e164 = "+" + d;
        }
        else if (d.Length == 11 && (d[0] == '8' || d[0] == '7'))
        {
            // Russian trunk prefix 8 and the country code 7 both mean +7.
            e164 = "+7" + d[1..];
        }
        else if (d.Length == 10 && d[0] == '9')
        {
            e164 = "+7" + d;
        }
        else
        {
            problem = $"'{d}' has no country code: write it as +<country code><number> (Russian 8XXXXXXXXXX and 7XXXXXXXXXX forms are understood)";
            return false;
        }

        var digitCount = e164.Length - 1;
        if (digitCount < 8 || digitCount > 15)
        {
            problem = $"E.164 numbers have 8 to 15 digits, this one has {digitCount}";
            return false;
        }
        if (e164[1] == '0')
        {
            problem = "a country code never starts with 0";
            return false;
        }
        if (e164.StartsWith("+7", StringComparison.Ordinal) && digitCount != 11)
        {
            problem = $"numbers in country code +7 have 11 digits, this one has {digitCount}";
            return false;
        }

        number = new PhoneNumber(e164);
        problem = null;
        return true;
    }
}
