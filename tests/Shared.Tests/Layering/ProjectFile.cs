using System.Text.Json;
using System.Xml.Linq;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Shared.Tests.Layering;

/// <summary>
/// One of our projects as its files describe it: the projects its .csproj references, directly or through
/// them, and every package restore put in its dependency closure (obj/project.assets.json), which is what the
/// built app ships.
/// </summary>
public sealed class ProjectFile
{
    private ProjectFile(string relativePath) => RelativePath = relativePath;

    /// <summary>The .csproj path from the repository root, with '/' separators, e.g. "Shared/LiveKit/LiveKit.csproj".</summary>
    public string RelativePath { get; }

    public string Folder => Path.GetDirectoryName(RelativePath)!.Replace('\\', '/');

    public static ProjectFile At(string relativePath)
    {
        var project = new ProjectFile(relativePath);
        Assert.True(File.Exists(project.FullPath), $"{relativePath} does not exist");
        return project;
    }

    /// <summary>The projects named by this .csproj's ProjectReference items, as repository-relative paths.</summary>
    public IReadOnlyList<string> DirectReferences() =>
        XDocument.Load(FullPath).Descendants("ProjectReference")
            .Select(reference => (string?)reference.Attribute("Include") ?? "")
            .Select(include => Path.GetRelativePath(RepoPaths.Root, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(FullPath)!, include.Replace('\\', '/')))))
            .Select(path => path.Replace('\\', '/'))
            .ToList();

    /// <summary>Every project reached through ProjectReference items, however indirectly.</summary>
    public IReadOnlySet<string> AllReferences()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(DirectReferences());
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var deeper in At(next).DirectReferences())
                {
                    pending.Push(deeper);
                }
            }
        }
        return seen;
    }

    /// <summary>The package ids in the restored dependency closure (direct, transitive and via project references).</summary>
    public IReadOnlySet<string> PackageClosure()
    {
        var assets = Path.Combine(RepoPaths.Root, Folder, "obj", "project.assets.json");
        Assert.True(File.Exists(assets), $"{assets} is missing: restore {RelativePath} first (dotnet build restores it)");
        using var document = JsonDocument.Parse(File.ReadAllBytes(assets));
        return document.RootElement.GetProperty("libraries").EnumerateObject()
            .Where(library => library.Value.GetProperty("type").GetString() == "package")
            .Select(library => library.Name[..library.Name.IndexOf('/')])
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private string FullPath => Path.Combine(RepoPaths.Root, RelativePath);

    public override string ToString() => RelativePath;
}
