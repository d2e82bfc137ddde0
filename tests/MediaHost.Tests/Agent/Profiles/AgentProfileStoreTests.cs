using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Agent.Profiles;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Agent.Profiles;

/// <summary>The agents are read at start and on each change; a change that fails validation is refused and the agents
/// in use stay.</summary>
public sealed class AgentProfileStoreTests
{
    [Fact]
    public void Start_with_a_file_that_fails_validation_stops_with_each_error_at_its_line()
    {
        using var files = new ProfileFiles(ProfileFiles.TwoAgents.Replace("language: ru-RU", "language: russian"));

        var e = Assert.Throws<InvalidOperationException>(files.Store.LoadAtStart);

        Assert.Contains("18:17 error VC028: 'russian' is not a BCP 47 language tag", e.Message);
    }

    [Fact]
    public void Changed_file_that_fails_validation_is_refused_and_the_agents_in_use_stay()
    {
        using var files = new ProfileFiles(ProfileFiles.TwoAgents);
        files.Store.LoadAtStart();
        var before = files.Store.Current;
        string? refusal = null;
        files.Store.Refused += why => refusal = why;
        File.WriteAllText(files.Path, ProfileFiles.TwoAgents.Replace("+15550000003", "+15550000002"));

        Assert.False(files.Store.Reload());

        Assert.Same(before, files.Store.Current);
        Assert.StartsWith("17:17 error VC027: +15550000002 already belongs to agent profile 'sales'", refusal);
    }

    [Fact]
    public void Changed_file_that_names_a_provider_this_MediaHost_lacks_is_refused()
    {
        using var files = new ProfileFiles(ProfileFiles.TwoAgents);
        files.Store.LoadAtStart();
        string? refusal = null;
        files.Store.Refused += why => refusal = why;
        File.WriteAllText(files.Path, ProfileFiles.TwoAgents.Replace("      greeting: \"Здравствуйте, это поддержка.\"", "      providers: {tts: openai}"));

        Assert.False(files.Store.Reload());

        Assert.Equal("agent 'support' chooses tts provider 'openai', which this MediaHost does not have (it has espeak; see AiLoop:Providers)", refusal);
    }

    [Fact]
    public async Task Saved_change_is_applied_without_a_restart()
    {
        using var files = new ProfileFiles(ProfileFiles.TwoAgents);
        using var watcher = new AgentProfileWatcher(files.Store, files.Options, TimeProvider.System, NullLogger<AgentProfileWatcher>.Instance);
        await watcher.StartAsync(CancellationToken.None);
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        files.Store.Changed += catalog => { if (catalog.For("+15550000003").Greeting == "Добрый день!") { changed.TrySetResult(); } };

        files.Save(ProfileFiles.TwoAgents.Replace("Здравствуйте, это поддержка.", "Добрый день!"));

        await changed.Task.DefaultTimeout();
        Assert.Equal("Добрый день!", files.Store.Current.For("+15550000003").Greeting);
    }

    [Fact]
    public async Task Saved_change_that_fails_validation_is_refused_by_the_watcher_and_calls_keep_the_previous_agents()
    {
        using var files = new ProfileFiles(ProfileFiles.TwoAgents);
        using var watcher = new AgentProfileWatcher(files.Store, files.Options, TimeProvider.System, NullLogger<AgentProfileWatcher>.Instance);
        await watcher.StartAsync(CancellationToken.None);
        var refused = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        files.Store.Refused += why => refused.TrySetResult(why);

        files.Save(ProfileFiles.TwoAgents.Replace("prompt: \"You sell", "prompt: \"\"\n              x: \"You sell"));

        var why = await refused.Task.DefaultTimeout();
        Assert.Contains("error VC", why);
        Assert.Equal("Hello {{first_name}}, this is sales.", files.Store.Current.For("+15550000002").Greeting);
    }

    [Fact]
    public async Task Host_without_a_profiles_path_gives_every_call_its_own_settings()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new AgentProfilesOptions());
        var store = new AgentProfileStore(options, NullLogger<AgentProfileStore>.Instance);
        using var watcher = new AgentProfileWatcher(store, options, TimeProvider.System, NullLogger<AgentProfileWatcher>.Instance);

        await watcher.StartAsync(CancellationToken.None);

        Assert.Same(VoiceFunctions.Shared.Telephony.Deployment.Agents.AgentCatalog.HostDefaults, store.Current);
    }
}
