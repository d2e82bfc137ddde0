using Xunit;
namespace VoiceFunctions.TestSupport;

/// <summary>
/// Finds the real tools and services the interop tests need. When one is missing the test is
/// skipped with the reason on a developer's machine, but fails in CI (CI=true), so a broken CI
/// setup can never hide a regression behind skipped tests.
/// </summary>
public static class RequiredTool
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns the full path of <paramref name="command"/> on PATH, or skips/fails.</summary>
    public static string Command(string command, string installedBy)
    {
        var path = FindOnPath(command);
        if (path is null)
        {
            Missing($"'{command}' is not on PATH (it is installed by {installedBy}; run ./test.sh, which installs it)");
        }
        return path!;
    }

    /// <summary>Returns the path of a Node package's folder under tests/node, or skips/fails.</summary>
    public static string NodePackage(string package)
    {
        Command("node", "Node.js 20 (the machine image)");
        var dir = Path.Combine(RepoPaths.NodeTools, "node_modules", package);
        if (!Directory.Exists(dir))
        {
            Missing($"the npm package '{package}' is not installed in tests/node (run ./test.sh or 'npm ci' in tests/node)");
        }
        return dir;
    }

    /// <summary>Skips locally or fails in CI with the reason.</summary>
    public static void Missing(string reason)
    {
        if (InCi)
        {
            throw new InvalidOperationException("Required test dependency missing in CI: " + reason);
        }
        Skip.If(true, reason);
    }

    public static string? FindOnPath(string command)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, command);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
