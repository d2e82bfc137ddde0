using System.Net.Http.Json;
using System.Text.Json;
using VoiceFunctions.Cli.Tests.Support;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Campaigns;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.System.Tests.Outbound;

/// <summary>
/// Outbound calls and a campaign in LiveKit mode, end to end on loopback (<see cref="LiveKitOutboundRig"/>): placed
/// through the real voicectl and the API, dialled with CreateSIPParticipant on the carrier trunk into the call's own
/// room, the agent dispatched into it and answering from the MediaHost with the agent of our calling number, the
/// record finalized as outbound, and the post-call report verified by a receiver written in the test.
/// </summary>
[Trait("Category", "System")]
public sealed class LiveKitOutboundCallTests
{
    private const string Callee = "+15550001111";

    private const string VoiceYaml = $$$"""
        version: 1
        agents:
          default:
            greeting: "Hello! How can I help you?"
          profiles:
            - id: reminders
              numbers: ["{{{LiveKitOutboundRig.From}}}"]
              language: en-US
              variables:
                - {name: name, default: there}
              greeting: "Hello {{name}}, this is the reminder line."
        """;

    [SkippableFact]
    public async Task A_call_placed_with_voicectl_in_LiveKit_mode_dials_the_callee_into_its_room_runs_our_numbers_agent_with_the_calls_variables_and_is_reported_signed_when_final()
    {
        await using var rig = await LiveKitOutboundRig.StartAsync(VoiceYaml);

        var placed = await VoicectlProcess.RunAsync(Environment(rig), "calls", "place", Callee, "--from", LiveKitOutboundRig.From,
            "--var", "name=Ada", "--idempotency-key", "lk-reminder-1", "--wait");

        Assert.True(placed.ExitCode == 0, placed + "\nMediaHost:\n" + rig.Tail());
        Assert.Contains("dial: Answered", placed.Output);
        var callId = placed.Output.Split('\n')[0]["callId: ".Length..].Trim();
        var call = await rig.ControlPlane.WaitForCallAsync(callId, LocalControlPlane.IsFinalized, TimeSpan.FromSeconds(60), "the outbound call finalized");
        var report = await rig.Reports.FirstAccepted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(rig.Problems);

        // Dialled once through the carrier trunk into the call's own room, from our number; the agent dispatched into that room.
        var dial = Assert.Single(rig.CalleeDials);
        Assert.Equal((Callee, LiveKitOutboundRig.From, callId), (dial.SipCallTo, dial.SipNumber, dial.RoomName));
        Assert.Equal(callId, Assert.Single(rig.AgentDials).RoomName);

        // The record: outbound, the callee as the remote party, answered by our number's agent, ended by the callee.
        var record = call.GetProperty("record");
        Assert.Equal(("Outbound", "Completed", "CallerHangUp"),
            (record.GetProperty("direction").GetString(), record.GetProperty("outcome").GetString(), record.GetProperty("endReason").GetString()));
        Assert.Equal((LiveKitOutboundRig.From, Callee), (record.GetProperty("callerNumber").GetString(), record.GetProperty("calledNumber").GetString()));
        Assert.Equal("reminders", record.GetProperty("agentProfile").GetString());
        var turns = call.GetProperty("turns").EnumerateArray().ToList();
        // The per-call variable given to voicectl reached the agent's prompt over LiveKit (callee attributes → signed INVITE header).
        Assert.Equal("Hello Ada, this is the reminder line.", turns[0].GetProperty("agentText").GetString());
        // The callee's question made a turn (what it was recognised as is LiveKitModeCallTests' concern: on a starved
        // machine the offline STT may time out and leave the words empty).
        Assert.True(turns.Count > 1, call.ToString());

        // The report: signed with the configured key, for this call, outbound, with its transcript.
        Assert.True(report.SignatureValid, report.Body);
        Assert.Equal("k1", report.KeyId);
        var body = JsonDocument.Parse(report.Body).RootElement;
        Assert.Equal((callId, "Outbound", "Completed"),
            (body.GetProperty("callId").GetString(), body.GetProperty("direction").GetString(), body.GetProperty("outcome").GetString()));
        Assert.True(body.GetProperty("transcript").GetArrayLength() > 0, report.Body);
    }

    [SkippableFact]
    public async Task A_campaign_in_LiveKit_mode_reaches_a_final_state_for_every_number_retries_the_busy_one_greets_each_by_its_rows_variables_and_reports_every_call()
    {
        await using var rig = await LiveKitOutboundRig.StartAsync(VoiceYaml, new Dictionary<string, string?> { ["Campaigns:CallEndCheckSeconds"] = "5" });
        string[] numbers = ["+15550003000", "+15550003001", "+15550003002"];
        rig.BusyFirst(numbers[1], 1);

        using var response = await rig.ControlPlane.Http.PostAsJsonAsync("/api/campaigns", new StartCampaignRequest
        {
            Name = "livekit",
            From = LiveKitOutboundRig.From,
            Concurrency = 2,
            CallsPerSecond = 2,
            RingTimeoutSeconds = 10,
            Retry = new RetryRules { Busy = new RetryRule(2, 2) },
            Entries = numbers.Select((n, i) => new CampaignEntry(n, Variables: new() { ["name"] = "Caller" + i })).ToList(),
        }, CallsApiJson.Options);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<StartCampaignResponse>(CallsApiJson.Options))!.CampaignId;
        var done = await WaitForEndAsync(rig, id, TimeSpan.FromSeconds(120));
        Assert.Empty(rig.Problems);

        var context = $"{done.Progress}; MediaHost:\n{rig.Tail()}";
        Assert.True(done.Status == CampaignStatus.Completed, context);
        Assert.True((3, 3, 4) == (done.Progress.Done, done.Progress.Outcomes.GetValueOrDefault("Answered"), done.Progress.Attempts), context);
        Assert.All(done.Numbers, n => Assert.Equal((CampaignNumberState.Done, DialOutcome.Answered), (n.State, n.Outcome)));
        Assert.Equal(4, rig.CalleeDials.Count);
        Assert.Equal(3, rig.AgentDials.Count);

        // Every call placed has its final outbound record and one accepted, validly signed report (the busy one too).
        foreach (var number in done.Numbers)
        {
            var call = await rig.ControlPlane.WaitForCallAsync(number.LastCallId!, LocalControlPlane.IsFinalized, TimeSpan.FromSeconds(10), "the call's record final");
            Assert.Equal(("Outbound", "Completed"), (call.GetProperty("record").GetProperty("direction").GetString(), call.GetProperty("record").GetProperty("outcome").GetString()));
            // Each row's variables reached its own call's agent.
            var row = Array.IndexOf(numbers, number.To);
            Assert.Equal($"Hello Caller{row}, this is the reminder line.", call.GetProperty("turns")[0].GetProperty("agentText").GetString());
        }
        await WaitForReportsAsync(rig, 4);
        var reported = rig.Reports.Received.Where(r => r.AnsweredStatus == 200).Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.All(rig.Reports.Received, r => Assert.True(r.SignatureValid, r.Body));
        // The busy attempt is recorded and reported as abandoned before the answer, the others as completed.
        Assert.Equal(["Abandoned", "Completed", "Completed", "Completed"], reported.Select(r => r.GetProperty("outcome").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(4, reported.Select(r => r.GetProperty("callId").GetString()).Distinct().Count());
        Assert.All(reported, r => Assert.Equal("Outbound", r.GetProperty("direction").GetString()));
    }

    [SkippableFact]
    public async Task A_callee_in_the_room_while_ringing_counts_as_answered_only_when_its_dial_is_answered_and_one_that_declines_gets_no_agent()
    {
        await using var rig = await LiveKitOutboundRig.StartAsync(VoiceYaml);
        const string answers = "+15550004000", declines = "+15550004001";
        rig.RingFirst(answers, TimeSpan.FromSeconds(3), thenBusy: false);
        rig.RingFirst(declines, TimeSpan.FromSeconds(1), thenBusy: true);

        var declined = await PlaceAsync(rig, declines);
        var answered = await PlaceAsync(rig, answers);

        var unanswered = await rig.ControlPlane.WaitForCallAsync(declined, LocalControlPlane.IsFinalized, TimeSpan.FromSeconds(60), "the declined call finalized");
        var call = await rig.ControlPlane.WaitForCallAsync(answered, LocalControlPlane.IsFinalized, TimeSpan.FromSeconds(90), "the answered call finalized");
        await WaitForReportsAsync(rig, 2);
        Assert.Empty(rig.Problems); // among them: an agent dispatched while its callee was ringing

        // The callee that rang in the room and declined: no agent, recorded and reported once as not answered.
        Assert.DoesNotContain(rig.AgentDials, d => d.RoomName == declined);
        var record = unanswered.GetProperty("record");
        Assert.Equal(("Outbound", "Abandoned"), (record.GetProperty("direction").GetString(), record.GetProperty("outcome").GetString()));
        Assert.Contains("Busy", record.GetProperty("reasonText").GetString());
        Assert.Single(rig.Reports.Received, r => r.AnsweredStatus == 200 && r.Body.Contains(declined, StringComparison.Ordinal));

        // The one that answered after ringing: the dial's answer started the call; one agent, our number's greeting.
        Assert.Single(rig.AgentDials, d => d.RoomName == answered);
        Assert.Equal(("Outbound", "Completed"), (call.GetProperty("record").GetProperty("direction").GetString(), call.GetProperty("record").GetProperty("outcome").GetString()));
        Assert.Equal("Hello Ada, this is the reminder line.", call.GetProperty("turns")[0].GetProperty("agentText").GetString());
    }

    [SkippableFact]
    public async Task In_LiveKit_mode_a_campaigns_voicemail_is_detected_on_the_agents_leg_hung_up_on_without_a_word_recorded_as_machine_and_called_again_by_the_machine_rule_while_a_person_gets_the_agent()
    {
        await using var rig = await LiveKitOutboundRig.StartAsync(VoiceYaml, new Dictionary<string, string?>
        {
            ["Outbound:AmdAction"] = "HangUp",
            ["Campaigns:CallEndCheckSeconds"] = "5",
        });
        const string voicemail = "+15550005000", person = "+15550005001";
        rig.AnswerByMachine(voicemail);

        using var response = await rig.ControlPlane.Http.PostAsJsonAsync("/api/campaigns", new StartCampaignRequest
        {
            Name = "amd",
            From = LiveKitOutboundRig.From,
            Concurrency = 2,
            CallsPerSecond = 2,
            RingTimeoutSeconds = 20,
            Retry = new RetryRules { Machine = new RetryRule(2, 1) },
            Entries = [new CampaignEntry(voicemail, Variables: new() { ["name"] = "Ada" }), new CampaignEntry(person, Variables: new() { ["name"] = "Ada" })],
        }, CallsApiJson.Options);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<StartCampaignResponse>(CallsApiJson.Options))!.CampaignId;
        var done = await WaitForEndAsync(rig, id, TimeSpan.FromSeconds(150));
        Assert.Empty(rig.Problems); // among them: a voicemail leg the MediaHost never hung up on (sipp times out)

        // The dial said Answered each time; the verdict on the agent's leg made each voicemail attempt a Machine, retried once.
        var numbers = done.Numbers.ToDictionary(n => n.To);
        var context = $"{done.Progress}; MediaHost:\n{rig.Tail()}";
        Assert.True((CampaignNumberState.Done, DialOutcome.Machine, 2) == (numbers[voicemail].State, numbers[voicemail].Outcome, numbers[voicemail].Attempts), context);
        Assert.True((CampaignNumberState.Done, DialOutcome.Answered, 1) == (numbers[person].State, numbers[person].Outcome, numbers[person].Attempts), context);
        Assert.Equal(2, rig.CalleeDials.Count(d => d.SipCallTo == voicemail));

        // The voicemail: detected on the callee's audio through the agent's leg, hung up on by the agent, recorded as a machine.
        // (Its outcome and end reason are not asserted: this rig plays no webhook of the agent's participant, so the callee
        // leaves when the leg has ended and the control plane has the MediaHost's answer, not when LiveKit would end the room.)
        var machine = await rig.ControlPlane.WaitForCallAsync(numbers[voicemail].LastCallId!, LocalControlPlane.IsFinalized, TimeSpan.FromSeconds(30), "the voicemail call finalized");
        Assert.True(machine.GetProperty("record").GetProperty("answeredBy").GetString() == "machine", machine + "\n" + rig.Tail());
        Assert.DoesNotContain(machine.GetProperty("turns").EnumerateArray(), t => t.GetProperty("agentText").GetString() is { Length: > 0 });
        // The person (silence, then a question): detected as human, the agent greets and the call runs.
        var human = await rig.ControlPlane.WaitForCallAsync(numbers[person].LastCallId!, LocalControlPlane.IsFinalized, TimeSpan.FromSeconds(30), "the person's call finalized");
        Assert.Equal("human", human.GetProperty("record").GetProperty("answeredBy").GetString());
        Assert.Equal("Hello Ada, this is the reminder line.", human.GetProperty("turns")[0].GetProperty("agentText").GetString());
    }

    private static async Task<string> PlaceAsync(LiveKitOutboundRig rig, string to)
    {
        using var response = await rig.ControlPlane.Http.PostAsJsonAsync("/api/calls", new PlaceCallRequest
        {
            To = to,
            From = LiveKitOutboundRig.From,
            RingTimeoutSeconds = 20,
            Variables = new() { ["name"] = "Ada" },
        }, CallsApiJson.Options);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PlaceCallResponse>(CallsApiJson.Options))!.CallId;
    }

    private static Dictionary<string, string?> Environment(LiveKitOutboundRig rig) => new()
    {
        ["VOICEFUNCTIONS_API_URL"] = new Uri(rig.ControlPlane.BaseUrl, "/api").ToString(),
        ["VOICEFUNCTIONS_API_KEY"] = rig.ControlPlane.Http.DefaultRequestHeaders.GetValues("x-functions-key").Single(),
        ["NO_COLOR"] = "1",
    };

    private static async Task<CampaignResponse> WaitForEndAsync(LiveKitOutboundRig rig, string id, TimeSpan timeout)
    {
        var start = TimeProvider.System.GetTimestamp();
        CampaignResponse? last = null;
        while (TimeProvider.System.GetElapsedTime(start) < timeout)
        {
            last = await rig.ControlPlane.Http.GetFromJsonAsync<CampaignResponse>($"/api/campaigns/{id}?pageSize=100", CallsApiJson.Options);
            if (last is { Status: CampaignStatus.Completed or CampaignStatus.Cancelled })
            {
                return last;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"the campaign did not end within {timeout}: {last?.Progress}; problems: {string.Join("; ", rig.Problems)}\nMediaHost:\n{rig.Tail()}");
    }

    private static async Task WaitForReportsAsync(LiveKitOutboundRig rig, int count)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (rig.Reports.Received.Count(r => r.AnsweredStatus == 200) < count)
        {
            Assert.True(TimeProvider.System.GetElapsedTime(start) < TimeSpan.FromSeconds(30),
                $"{rig.Reports.Received.Count(r => r.AnsweredStatus == 200)} of {count} reports accepted within 30 s");
            await Task.Delay(250);
        }
    }
}
