using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Agent.Profiles;

namespace VoiceFunctions.MediaHost.Tests.Agent.Profiles;

/// <summary>A voice.yaml in a temporary folder and the profile services reading it, as AddAgentProfiles builds them.</summary>
internal sealed class ProfileFiles : IDisposable
{
    /// <summary>Two numbers on one MediaHost: sales answers +15550000002 in English, support +15550000003 in Russian.</summary>
    public const string TwoAgents = """
        version: 1
        agents:
          default:
            greeting: "Hello, this is the front desk."
          profiles:
            - id: sales
              numbers: ["+15550000002"]
              language: en-US
              prompt: "You sell to {{first_name}}. Known: {{caller_context}}"
              greeting: "Hello {{first_name}}, this is sales."
              variables:
                - {name: first_name, default: there}
              transfer_targets:
                - {name: desk, uri: "sip:desk@example.com"}
              recording: {enabled: true, consent_phrase: "This call is recorded."}
            - id: support
              numbers: ["+15550000003"]
              language: ru-RU
              greeting: "Здравствуйте, это поддержка."
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("agent-profiles-").FullName;

    public ProfileFiles(string text, AiLoopOptions? host = null, int reloadDelayMs = 50)
    {
        Path = System.IO.Path.Combine(_folder, "voice.yaml");
        File.WriteAllText(Path, text);
        Host = host ?? new AiLoopOptions { Language = "en-US" };
        Options = Microsoft.Extensions.Options.Options.Create(new AgentProfilesOptions { Path = Path, ReloadDelayMilliseconds = reloadDelayMs });
        Store = new AgentProfileStore(Options, NullLogger<AgentProfileStore>.Instance, new AgentProviderAvailability(Microsoft.Extensions.Options.Options.Create(Host)));
        Selector = new AgentProfileSelector(Store, Options);
        Http = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        Factory = new ProfiledAgentFactory(Microsoft.Extensions.Options.Options.Create(Host), Http, TimeProvider.System, NullLoggerFactory.Instance, Store);
    }

    public string Path { get; }

    public AiLoopOptions Host { get; }

    public IOptions<AgentProfilesOptions> Options { get; }

    public AgentProfileStore Store { get; }

    public AgentProfileSelector Selector { get; }

    public IHttpClientFactory Http { get; }

    public ProfiledAgentFactory Factory { get; }

    public AgentProfiles Profiles(CallerContextClient? callerContext = null) => new(Selector,
        callerContext ?? new CallerContextClient(new HttpClient(), TimeProvider.System, NullLogger<CallerContextClient>.Instance), Factory, NullLogger<AgentProfiles>.Instance);

    /// <summary>Saves new text as an editor does: a temporary file moved over the old one.</summary>
    public void Save(string text)
    {
        var temporary = Path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, Path, overwrite: true);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold the folder for a moment; the temporary folder is left to the OS.
        }
    }
}
