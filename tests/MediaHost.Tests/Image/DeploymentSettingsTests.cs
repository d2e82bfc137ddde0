using System.Text.RegularExpressions;
using VoiceFunctions.MediaHost.Hosting;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Image;

/// <summary>The deployment template gives the MediaHost container every setting in <see cref="MediaHostSettings"/>,
/// the secret ones only as secure values.</summary>
public sealed partial class DeploymentSettingsTests
{
    private static readonly string Main = File.ReadAllText(Path.Combine(RepoPaths.Root, "infra.bicep"));
    private static readonly string Module = File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "mediahost.bicep"));

    [Fact]
    public void Every_MediaHost_setting_is_set_by_the_template()
    {
        var provided = ObjectKeys(Block(Main, "plainEnvironment"))
            .Concat(ObjectKeys(Block(Main, "secureEnvironment")))
            .Concat(ObjectKeys(Block(Module, "var rtpEnvironment =")))
            .Concat(NamedVariables(Module))
            .ToHashSet(StringComparer.Ordinal);
        var missing = MediaHostSettings.All.Where(name => !provided.Contains(name)).ToArray();
        Assert.True(missing.Length == 0, "infra.bicep does not give the MediaHost: " + string.Join(", ", missing));
    }

    [Fact]
    public void Secret_MediaHost_settings_are_secure_values_only()
    {
        var plain = ObjectKeys(Block(Main, "plainEnvironment")).ToHashSet(StringComparer.Ordinal);
        var secure = ObjectKeys(Block(Main, "secureEnvironment"))
            .Concat(SecureNamedVariables(Module))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var name in MediaHostSettings.Secrets)
        {
            Assert.DoesNotContain(name, plain);
            Assert.Contains(name, secure);
        }
    }

    [Fact]
    public void Module_declares_the_secure_environment_as_a_secure_object()
    {
        Assert.Matches(new Regex(@"@secure\(\)\s*\n(@description\([^\n]*\)\s*\n)?param secureEnvironment object"), Module);
    }

    /// <summary>The text of the first { … } block after <paramref name="marker"/> (balanced braces).</summary>
    private static string Block(string text, string marker)
    {
        var start = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{marker}' not found");
        var open = text.IndexOf('{', start);
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            depth += text[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return text[(open + 1)..i];
            }
        }
        throw new FormatException($"unbalanced braces after '{marker}'");
    }

    private static IEnumerable<string> ObjectKeys(string block) =>
        ObjectKey().Matches(block).Select(m => m.Groups[1].Value);

    private static IEnumerable<string> NamedVariables(string module) =>
        NamedVariable().Matches(module).Select(m => m.Groups[1].Value);

    private static IEnumerable<string> SecureNamedVariables(string module) =>
        NamedVariable().Matches(module).Where(m => m.Value.Contains("secureValue:", StringComparison.Ordinal)).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:", RegexOptions.Multiline)]
    private static partial Regex ObjectKey();

    [GeneratedRegex(@"\{\s*name:\s*'([A-Za-z0-9_]+)',\s*(secureValue|value):[^}]*\}")]
    private static partial Regex NamedVariable();
}
