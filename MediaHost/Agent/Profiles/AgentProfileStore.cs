using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceFunctions.Shared.Telephony.Deployment.Agents;

namespace VoiceFunctions.MediaHost.Agent.Profiles;

/// <summary>
/// The agents in use. Read at start (a file that fails validation stops the start, with every error) and again on
/// each change: a changed file that fails validation is refused, logged with its errors, and the agents in use stay.
/// Calls already running keep the agent they started with.
/// </summary>
/// <param name="availability">The MediaHost's own check that it can build the providers the agents choose.</param>
public sealed class AgentProfileStore(IOptions<AgentProfilesOptions> options, ILogger<AgentProfileStore> logger, AgentProviderAvailability? availability = null,
    Func<string, string?>? environment = null)
{
    private readonly Func<string, string?> _environment = environment ?? Environment.GetEnvironmentVariable;
    private readonly Lock _reloading = new();
    private volatile AgentCatalog _current = AgentCatalog.HostDefaults;

    public AgentCatalog Current => _current;

    public string Path => options.Value.Path;

    public bool IsConfigured => Path.Length > 0;

    /// <summary>Raised after a reload put new agents in use.</summary>
    public event Action<AgentCatalog>? Changed;

    /// <summary>Raised when a changed file was refused; the argument says why (no secret: messages never hold one).</summary>
    public event Action<string>? Refused;

    /// <summary>Reads the file at start. Throws, listing every error, when it cannot be used.</summary>
    public void LoadAtStart()
    {
        if (!IsConfigured)
        {
            return;
        }
        var (catalog, problem) = Read();
        _current = catalog ?? throw new InvalidOperationException($"AgentProfiles:Path {Path}: {problem}");
        AgentProfilesLog.Loaded(logger, Path, catalog.Profiles.Count);
    }

    /// <summary>Reads the file again; true when its agents are now in use, false when it was refused (the previous stay).</summary>
    public bool Reload()
    {
        lock (_reloading)
        {
            var (catalog, problem) = Read();
            if (catalog is null)
            {
                AgentProfilesLog.Refused(logger, Path, problem!);
                Refused?.Invoke(problem!);
                return false;
            }
            _current = catalog;
            AgentProfilesLog.Reloaded(logger, Path, catalog.Profiles.Count);
        }
        Changed?.Invoke(_current);
        return true;
    }

    private (AgentCatalog? Catalog, string? Problem) Read()
    {
        string text;
        try
        {
            text = File.ReadAllText(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, "cannot read the file: " + e.Message);
        }
        var result = AgentFileLoader.Load(text, _environment);
        if (result.Catalog is not { } catalog)
        {
            return (null, string.Join("; ", result.Errors.Select(d => d.ToString())));
        }
        return availability?.Problem(catalog) is { } problem ? (null, problem) : (catalog, null);
    }
}
