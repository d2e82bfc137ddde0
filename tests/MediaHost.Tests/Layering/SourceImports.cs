using System.Text.RegularExpressions;

namespace VoiceFunctions.MediaHost.Tests.Layering;

/// <summary>
/// Finds, in C# source, every line that imports or names an upper MediaHost namespace: using directives (global, static
/// or alias too) and names qualified with "MediaHost.&lt;Layer&gt;". Partially qualified names such as "Calls.X" are left to
/// <see cref="CompiledReferences"/>, which sees what the compiler resolved.
/// </summary>
public static partial class SourceImports
{
    public static IEnumerable<(int Line, string Text)> Upward(string source)
    {
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (UpperName().IsMatch(lines[i]))
            {
                yield return (i + 1, lines[i].Trim());
            }
        }
    }

    [GeneratedRegex(@"(?<![\w.])(?:global::)?(?:VoiceFunctions\.)?MediaHost\.(?:Calls|Agent|Providers|ControlPlane|Hosting)\b")]
    private static partial Regex UpperName();
}
