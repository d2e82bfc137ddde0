using System.Net.Http.Json;
using System.Text.Json;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests;

/// <summary>
/// Issue 21's figure for per-number agents: one MediaHost process, two numbers with different agents (English sales,
/// Russian support: language, voice and greeting differ), called by the real sipp over SIP/RTP on loopback; each call's
/// record names the agent that answered and its first turn is that agent's greeting. Then voice.yaml is saved with a
/// new greeting and the next call hears it, without a restart.
/// </summary>
[Trait("Category", "System")]
public sealed class AgentProfilesCallTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Sales = "+15550001001";
    private const string Support = "+15550001002";

    private static string VoiceYaml(string supportGreeting) => $$"""
        version: 1
        agents:
          default:
            greeting: "Hello, this is the front desk."
          profiles:
            - id: sales
              numbers: ["{{Sales}}"]
              language: en-US
              greeting: "Hello, this is sales."
            - id: support
              numbers: ["{{Support}}"]
              language: ru-RU
              greeting: "{{supportGreeting}}"
        """;

    [SkippableFact]
    public async Task Two_numbers_are_answered_by_their_own_agents_and_a_saved_change_applies_to_the_next_call()
    {
        var folder = Directory.CreateTempSubdirectory("agents-system-").FullName;
        var path = Path.Combine(folder, "voice.yaml");
        await File.WriteAllTextAsync(path, VoiceYaml("Здравствуйте, это поддержка."));
        await using var controlPlane = await LocalControlPlane.StartAsync();
        await using var mediaHost = await SystemMediaHost.StartAsync(controlPlane.BaseUrl, controlPlane.EventsSecret,
            new Dictionary<string, string> { ["AgentProfiles__Path"] = path, ["AgentProfiles__ReloadDelayMilliseconds"] = "200" });
        var seen = new HashSet<string>(StringComparer.Ordinal);

        var sales = await CallAsync(controlPlane, mediaHost, Sales, seen);
        var support = await CallAsync(controlPlane, mediaHost, Support, seen);

        Assert.Equal("sales", sales.Profile);
        Assert.Equal("Hello, this is sales.", sales.Greeting);
        Assert.Equal("support", support.Profile);
        Assert.Equal("Здравствуйте, это поддержка.", support.Greeting);

        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, VoiceYaml("Добрый день, поддержка слушает."));
        File.Move(temporary, path, overwrite: true);
        await WaitForLogAsync(mediaHost, "Agent profiles reloaded");

        var changed = await CallAsync(controlPlane, mediaHost, Support, seen);
        Assert.Equal("support", changed.Profile);
        Assert.Equal("Добрый день, поддержка слушает.", changed.Greeting);
        Assert.False(mediaHost.HasExited);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>One sipp call to <paramref name="number"/>; returns the finalized record's agent profile and first agent text.</summary>
    private async Task<(string? Profile, string? Greeting)> CallAsync(LocalControlPlane controlPlane, MediaHostProcess mediaHost, string number, HashSet<string> seen)
    {
        // The question comes after the call has ended: nothing the caller says may cut (barge into) the greeting under test.
        using (var caller = await DemoCaller.StartAsync(mediaHost.SipEndpoint, "Hello", leadSeconds: 10, callMilliseconds: 5000,
                   leg: new BridgeLeg(number, "+15552223333", new Dictionary<string, string>())))
        {
            var (exitCode, log) = await caller.WaitAsync();
            Assert.True(exitCode == 0, $"sipp failed:\n{log}\nMediaHost:\n{Tail(mediaHost.Log)}");
        }
        var call = await WaitForNewFinalizedCallAsync(controlPlane, seen);
        var record = call.GetProperty("record");
        var turns = call.GetProperty("turns").EnumerateArray().ToList();
        var profile = record.TryGetProperty("agentProfile", out var p) ? p.GetString() : null;
        var greeting = turns.Count > 0 ? turns[0].GetProperty("agentText").GetString() : null;
        output.WriteLine($"{number}: agent profile {profile}, greeting \"{greeting}\", called {record.GetProperty("calledNumber")}");
        return (profile, greeting);
    }

    /// <summary>Today's newest call that is not in <paramref name="seen"/> once it is finalized with its greeting turn.</summary>
    private static async Task<JsonElement> WaitForNewFinalizedCallAsync(LocalControlPlane controlPlane, HashSet<string> seen)
    {
        var start = TimeProvider.System.GetTimestamp();
        var last = "none";
        while (TimeProvider.System.GetElapsedTime(start) < TimeSpan.FromSeconds(30))
        {
            var list = await controlPlane.Http.GetFromJsonAsync<JsonElement>($"/api/calls?day={DateTimeOffset.UtcNow:yyyy-MM-dd}&pageSize=5");
            foreach (var summary in list.GetProperty("calls").EnumerateArray())
            {
                var id = summary.GetProperty("callId").GetString()!;
                if (seen.Contains(id) || await controlPlane.GetCallAsync(id) is not { } call)
                {
                    continue;
                }
                last = call.ToString();
                if (LocalControlPlane.IsFinalized(call) && call.GetProperty("turns").GetArrayLength() > 0)
                {
                    seen.Add(id);
                    return call;
                }
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("no new finalized call within 30 s; last seen: " + last);
    }

    private static async Task WaitForLogAsync(MediaHostProcess mediaHost, string text)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (!mediaHost.Log.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(TimeProvider.System.GetElapsedTime(start) < TimeSpan.FromSeconds(20), $"the MediaHost never logged \"{text}\":\n{Tail(mediaHost.Log)}");
            await Task.Delay(100);
        }
    }

    private static string Tail(string log) => log.Length > 4000 ? log[^4000..] : log;
}
