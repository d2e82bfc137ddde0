using System.Text;

namespace VoiceFunctions.Shared.Telephony.Deployment.Parsing;

/// <summary>
/// Expands "${VAR}" and "${VAR:-default}" in scalar values ("$${" writes a literal "${").
/// A variable that is not set and has no default is an error that names it.
/// </summary>
public sealed class EnvironmentExpander(Func<string, string?> environment)
{
    /// <summary>Returns the expanded text, or null after reporting every problem in <paramref name="text"/>.</summary>
    public string? Expand(string text, SourcePosition position, List<Diagnostic> diagnostics)
    {
        if (!text.Contains('$'))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var ok = true;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '$' && i + 2 < text.Length && text[i + 1] == '$' && text[i + 2] == '{')
            {
                result.Append("${");
                i += 3;
                continue;
            }
            if (text[i] != '$' || i + 1 >= text.Length || text[i + 1] != '{')
            {
                result.Append(text[i++]);
                continue;
            }

            var close = text.IndexOf('}', i + 2);
            if (close < 0)
            {
                diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.InvalidValue, position,
                    "\"${\" is not closed with \"}\"", "Write ${NAME} or ${NAME:-default}; write $${ for a literal ${."));
                return null;
            }

            var body = text[(i + 2)..close];
            var separator = body.IndexOf(":-", StringComparison.Ordinal);
            var name = separator < 0 ? body : body[..separator];
            string? fallback = separator < 0 ? null : body[(separator + 2)..];
            if (!IsVariableName(name))
            {
                diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.InvalidValue, position,
                    $"\"{name}\" is not a valid environment variable name",
                    "Names are letters, digits and '_', not starting with a digit."));
                ok = false;
            }
            else
            {
                var value = environment(name);
                if (string.IsNullOrEmpty(value))
                {
                    value = fallback;
                }
                if (value is null)
                {
                    diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.MissingVariable, position,
                        $"environment variable {name} is not set",
                        $"Set {name}, or give a default: ${{{name}:-value}}."));
                    ok = false;
                }
                else
                {
                    result.Append(value);
                }
            }
            i = close + 1;
        }
        return ok ? result.ToString() : null;
    }

    public static bool IsVariableName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
