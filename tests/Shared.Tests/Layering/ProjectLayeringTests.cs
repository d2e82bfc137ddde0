using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Shared.Tests.Layering;

/// <summary>
/// The projects depend one way: the LiveKit library on nothing of ours, the other Shared projects only on what
/// their concern needs, the hosts on Shared and never on each other; and each host ships only the packages it
/// uses (the MediaHost no Azure storage SDK, voicectl no OpenTelemetry). Read from the .csproj files and from
/// what restore resolved (obj/project.assets.json), so adding a forbidden reference fails here.
/// </summary>
public sealed class ProjectLayeringTests
{
    private const string LiveKit = "Shared/LiveKit/LiveKit.csproj";
    private const string Contracts = "Shared/Contracts/Contracts.csproj";
    private const string CallStorage = "Shared/CallStorage/CallStorage.csproj";
    private const string Telephony = "Shared/Telephony/Telephony.csproj";
    private const string Observability = "Shared/Observability/Observability.csproj";
    private const string Functions = "Functions/Functions.csproj";
    private const string MediaHost = "MediaHost/MediaHost.csproj";
    private const string Cli = "Cli/Cli.csproj";

    /// <summary>Each Shared project and the only projects it may reference directly. A new project under Shared/ needs a row.</summary>
    public static TheoryData<string, string[]> SharedProjects => new()
    {
        { LiveKit, [] },
        // The agent events are signed with the LiveKit webhook scheme (AgentEventVerifier).
        { Contracts, [LiveKit] },
        { CallStorage, [Contracts] },
        // Plan/apply drives LiveKit's SIP API.
        { Telephony, [LiveKit] },
        // LiveKit: the LiveKit API metric names; Contracts: which control-plane settings are secret.
        { Observability, [LiveKit, Contracts] },
    };

    [Theory]
    [MemberData(nameof(SharedProjects))]
    public void A_Shared_project_references_only_the_projects_its_concern_needs(string project, string[] allowed)
    {
        var unexpected = ProjectFile.At(project).DirectReferences().Except(allowed).ToArray();

        Assert.True(unexpected.Length == 0, $"{project} references {string.Join(", ", unexpected)}; it may reference only: {(allowed.Length == 0 ? "nothing of ours" : string.Join(", ", allowed))}");
    }

    [Fact]
    public void Every_project_under_Shared_has_its_allowed_references_listed_here()
    {
        var listed = SharedProjects.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        var found = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "Shared"), "*.csproj", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/'))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(listed.Order(), found.Order());
    }

    [Fact]
    public void Every_source_file_under_Shared_belongs_to_a_Shared_project()
    {
        // A file left in (or merged into) a folder no project owns would silently not be compiled.
        var shared = Path.Combine(RepoPaths.Root, "Shared");
        var projectFolders = Directory.EnumerateFiles(shared, "*.csproj", SearchOption.AllDirectories)
            .Select(path => Path.GetDirectoryName(path)! + Path.DirectorySeparatorChar)
            .ToArray();

        var orphans = Directory.EnumerateFiles(shared, "*.cs", SearchOption.AllDirectories)
            .Where(file => !projectFolders.Any(folder => file.StartsWith(folder, StringComparison.Ordinal)))
            .Select(file => Path.GetRelativePath(RepoPaths.Root, file))
            .ToArray();

        Assert.True(orphans.Length == 0, "outside every Shared project: " + string.Join(", ", orphans));
    }

    [Fact]
    public void Functions_never_references_the_MediaHost_or_voicectl()
    {
        var references = ProjectFile.At(Functions).AllReferences();

        Assert.False(references.Contains(MediaHost), $"{Functions} reaches {MediaHost}");
        Assert.False(references.Contains(Cli), $"{Functions} reaches {Cli}");
    }

    [Theory]
    [InlineData(MediaHost, Cli)]
    [InlineData(Cli, MediaHost)]
    public void The_MediaHost_and_voicectl_never_reference_Functions_or_each_other(string project, string other)
    {
        var references = ProjectFile.At(project).AllReferences();

        Assert.False(references.Contains(Functions), $"{project} reaches {Functions}");
        Assert.False(references.Contains(other), $"{project} reaches {other}");
    }

    [Fact]
    public void The_MediaHost_ships_no_Azure_storage_SDK()
    {
        var storage = ProjectFile.At(MediaHost).PackageClosure()
            .Where(p => p.StartsWith("Azure.Data.Tables", StringComparison.OrdinalIgnoreCase) || p.StartsWith("Azure.Storage", StringComparison.OrdinalIgnoreCase))
            .ToArray();

        Assert.True(storage.Length == 0, "the MediaHost ships " + string.Join(", ", storage));
        Assert.False(ProjectFile.At(MediaHost).AllReferences().Contains(CallStorage), $"{MediaHost} reaches {CallStorage}");
    }

    [Fact]
    public void Voicectl_ships_no_OpenTelemetry_exporter_and_no_Azure_storage_SDK()
    {
        var packages = ProjectFile.At(Cli).PackageClosure();

        var telemetry = packages.Where(p => p.StartsWith("OpenTelemetry", StringComparison.OrdinalIgnoreCase) || p.StartsWith("Azure.Monitor", StringComparison.OrdinalIgnoreCase)).ToArray();
        Assert.True(telemetry.Length == 0, "voicectl ships " + string.Join(", ", telemetry));
        Assert.False(packages.Contains("Azure.Data.Tables"), "voicectl ships Azure.Data.Tables");
        Assert.False(ProjectFile.At(Cli).AllReferences().Contains(Observability), $"{Cli} reaches {Observability}");
    }

    [Fact]
    public void The_LiveKit_library_ships_nothing_but_Microsoft_Extensions_and_Polly()
    {
        // What a user of the packed library gets: no Azure SDK, YAML parser or telemetry exporter of ours.
        var foreign = ProjectFile.At(LiveKit).PackageClosure()
            .Where(p => !p.StartsWith("Microsoft.", StringComparison.OrdinalIgnoreCase)
                        && !p.StartsWith("System.", StringComparison.OrdinalIgnoreCase)
                        && !p.StartsWith("Polly", StringComparison.OrdinalIgnoreCase))
            .ToArray();

        Assert.True(foreign.Length == 0, "the LiveKit library ships " + string.Join(", ", foreign));
    }
}
