using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Recording;
using VoiceFunctions.MediaHost.Tests.Agent.Profiles;

namespace VoiceFunctions.MediaHost.Tests.Recording;

/// <summary>With agent profiles, each number's agent says whether its calls are recorded and what is announced first.</summary>
public sealed class ProfileRecordingPolicyTests
{
    private static InboundCall CallTo(string called) =>
        new("sip-1", "+15551234567", called, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), "PCMU/8000");

    [Fact]
    public void A_number_whose_agent_records_is_recorded_after_its_consent_phrase_and_another_is_not()
    {
        using var files = new ProfileFiles(ProfileFiles.TwoAgents);
        files.Store.LoadAtStart();
        var policy = new ProfileRecordingPolicy(files.Selector);

        Assert.Equal(new RecordingDecision(true, "This call is recorded."), policy.Decide(CallTo("+15550000002")));
        Assert.Equal(RecordingDecision.Off, policy.Decide(CallTo("+15550000003")));
    }
}
