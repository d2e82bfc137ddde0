using System.Text.RegularExpressions;

namespace VoiceFunctions.Shared.Telephony.Deployment.Parsing;

/// <summary>
/// A credential written only as a reference to an environment variable ("${LIVEKIT_API_SECRET}"),
/// so the file can be committed and reviewed. It holds the variable's name, never the value;
/// <see cref="Resolve"/> reads the value when a command really needs it.
/// </summary>
public sealed partial class SecretReference
{
    public SecretReference(string variable, SourcePosition position)
    {
        Variable = variable;
        Position = position;
    }

    public string Variable { get; }

    public SourcePosition Position { get; }

    /// <summary>The variable's value, or null when it is not set (or empty).</summary>
    public string? Resolve(Func<string, string?> environment)
    {
        var value = environment(Variable);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public override string ToString() => "${" + Variable + "}";

    /// <summary>Reads "${NAME}"; anything else (an inline value, a default) is not a reference.</summary>
    public static bool TryParse(string text, SourcePosition position, out SecretReference? reference)
    {
        var match = ReferencePattern().Match(text.Trim());
        reference = match.Success ? new SecretReference(match.Groups[1].Value, position) : null;
        return match.Success;
    }

    /// <summary>The pattern as the JSON Schema states it.</summary>
    public const string SchemaPattern = @"^\$\{[A-Za-z_][A-Za-z0-9_]*\}$";

    [GeneratedRegex(@"^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$")]
    private static partial Regex ReferencePattern();
}
