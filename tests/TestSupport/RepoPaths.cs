namespace VoiceFunctions.TestSupport;

/// <summary>Locates the repository's folders from a test's working directory.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder that holds VoiceFunctions.sln.</summary>
    public static string Root => RootPath.Value;

    /// <summary>tests/node: the Node tools installed from the committed lock file (LiveKit SDK, Azurite).</summary>
    public static string NodeTools => Path.Combine(Root, "tests", "node");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VoiceFunctions.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("VoiceFunctions.sln not found above " + AppContext.BaseDirectory);
    }
}
