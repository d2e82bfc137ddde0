using System.Text;
using System.Text.RegularExpressions;

namespace VoiceFunctions.Shared.Telephony.Deployment.Agents;

/// <summary>
/// The {{name}} placeholders of a prompt or greeting. The rule, checked by voicectl sip validate and applied per call:
/// every placeholder names a variable the agent declares (or a built-in one); at call time a variable the call does
/// not give takes its default, and one without a default is left out (replaced by nothing) and reported as missing,
/// so a caller never hears "curly brace name".
/// </summary>
public static partial class PromptTemplate
{
    /// <summary>Filled by the MediaHost on every call.</summary>
    public static readonly IReadOnlyList<string> BuiltInVariables = ["caller", "called", "call_id", "direction", CallerContextVariable];

    /// <summary>The caller-context lookup's answer (JSON); empty when the lookup is off, failed or was too slow.</summary>
    public const string CallerContextVariable = "caller_context";

    /// <summary>The names used in <paramref name="text"/>, in order, each once.</summary>
    public static IReadOnlyList<string> Placeholders(string? text) => string.IsNullOrEmpty(text) ? []
        : Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Replaces each placeholder by its value; names with no value are replaced by nothing and added to <paramref name="missing"/>.</summary>
    public static string Fill(string text, Func<string, string?> value, ICollection<string> missing)
    {
        if (!text.Contains("{{", StringComparison.Ordinal))
        {
            return text;
        }
        var result = new StringBuilder(text.Length);
        var last = 0;
        foreach (Match m in Placeholder().Matches(text))
        {
            result.Append(text, last, m.Index - last);
            var name = m.Groups[1].Value;
            if (value(name) is { } filled)
            {
                result.Append(filled);
            }
            else if (!missing.Contains(name))
            {
                missing.Add(name);
            }
            last = m.Index + m.Length;
        }
        result.Append(text, last, text.Length - last);
        return result.ToString();
    }

    /// <summary>A variable's name: what POST /api/calls accepts as a key.</summary>
    public static bool IsValidName(string name) => VariableName().IsMatch(name);

    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex VariableName();
}
