using VoiceFunctions.Shared.LiveKit;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.TestSupport;
using VoiceFunctions.TestSupport.LoopbackLiveKit;

namespace VoiceFunctions.Shared.Tests.LiveKit.Api;

public sealed class SipServiceClientTests : IAsyncLifetime
{
    private ApiHarness _api = null!;

    public async Task InitializeAsync() => _api = await ApiHarness.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private Task<SipOutboundTrunkInfo> CreateOutboundTrunkAsync() =>
        _api.Sip.CreateOutboundTrunkAsync(new SipOutboundTrunkInfo
        {
            Name = "to-mediahost",
            Address = "127.0.0.1:5080",
            Transport = SipTransport.Udp,
            Numbers = ["+15550001111"],
        });

    [Fact]
    public async Task Inbound_trunk_is_created_read_listed_updated_and_deleted()
    {
        var created = await _api.Sip.CreateInboundTrunkAsync(new SipInboundTrunkInfo
        {
            Name = "provider",
            Numbers = ["+15551230000"],
            AllowedAddresses = ["10.0.0.0/24"],
            AuthUsername = "user",
            AuthPassword = "pass",
            IncludeHeaders = SipHeaderOptions.XHeaders,
            RingingTimeout = TimeSpan.FromSeconds(25),
        }).DefaultTimeout();
        var read = await _api.Sip.GetInboundTrunkAsync(created.SipTrunkId).DefaultTimeout();
        var listed = await _api.Sip.ListInboundTrunksAsync(new ListSipInboundTrunkRequest { Numbers = ["+15551230000"] }).DefaultTimeout();
        var updated = await _api.Sip.UpdateInboundTrunkAsync(new UpdateSipInboundTrunkRequest
        {
            SipTrunkId = created.SipTrunkId,
            Update = new SipInboundTrunkUpdate { Numbers = new ListUpdate { Add = ["+15551239999"] }, Name = "renamed" },
        }).DefaultTimeout();
        var deleted = await _api.Sip.DeleteTrunkAsync(created.SipTrunkId).DefaultTimeout();

        Assert.StartsWith("ST_", created.SipTrunkId);
        Assert.Equal(TimeSpan.FromSeconds(25), read!.RingingTimeout);
        Assert.Equal(SipHeaderOptions.XHeaders, read.IncludeHeaders);
        Assert.Equal(["10.0.0.0/24"], read.AllowedAddresses);
        Assert.Equal(created.SipTrunkId, Assert.Single(listed).SipTrunkId);
        Assert.Equal("renamed", updated.Name);
        Assert.Equal(["+15551230000", "+15551239999"], updated.Numbers);
        Assert.Equal(created.SipTrunkId, deleted.SipTrunkId);
        Assert.Empty(_api.Server.State.GetInboundTrunks());
    }

    [Fact]
    public async Task A_second_inbound_trunk_on_the_same_number_without_allowed_numbers_is_rejected()
    {
        await _api.Sip.CreateInboundTrunkAsync(new SipInboundTrunkInfo { Name = "a", Numbers = ["+15551230000"] }).DefaultTimeout();

        var error = await Assert.ThrowsAsync<LiveKitInvalidArgumentException>(
            () => _api.Sip.CreateInboundTrunkAsync(new SipInboundTrunkInfo { Name = "b", Numbers = ["+15551230000"] })).DefaultTimeout();

        Assert.Equal(400, error.HttpStatus);
        Assert.Contains("Conflicting inbound SIP Trunks", error.Message);
        Assert.Single(_api.Server.State.GetInboundTrunks());
    }

    [Fact]
    public async Task Inbound_trunks_on_one_number_are_accepted_when_their_allowed_callers_differ()
    {
        await _api.Sip.CreateInboundTrunkAsync(new SipInboundTrunkInfo { Numbers = ["+15551230000"], AllowedNumbers = ["+1555000001"] }).DefaultTimeout();
        await _api.Sip.CreateInboundTrunkAsync(new SipInboundTrunkInfo { Numbers = ["+15551230000"], AllowedNumbers = ["+1555000002"] }).DefaultTimeout();

        Assert.Equal(2, _api.Server.State.GetInboundTrunks().Count);
    }

    [Fact]
    public async Task Outbound_trunk_is_created_read_listed_replaced_and_deleted()
    {
        var created = await CreateOutboundTrunkAsync().DefaultTimeout();
        var read = await _api.Sip.GetOutboundTrunkAsync(created.SipTrunkId).DefaultTimeout();
        var listed = await _api.Sip.ListOutboundTrunksAsync().DefaultTimeout();
        var replaced = await _api.Sip.UpdateOutboundTrunkAsync(new UpdateSipOutboundTrunkRequest
        {
            SipTrunkId = created.SipTrunkId,
            Replace = new SipOutboundTrunkInfo { Name = "moved", Address = "127.0.0.2:5060", Numbers = ["+15550002222"], Transport = SipTransport.Tcp },
        }).DefaultTimeout();
        await _api.Sip.DeleteTrunkAsync(created.SipTrunkId).DefaultTimeout();

        Assert.Equal(SipTransport.Udp, read!.Transport);
        Assert.Equal("127.0.0.1:5080", read.Address);
        Assert.Single(listed);
        Assert.Equal((created.SipTrunkId, "127.0.0.2:5060", SipTransport.Tcp), (replaced.SipTrunkId, replaced.Address, replaced.Transport));
        await Assert.ThrowsAsync<LiveKitNotFoundException>(() => _api.Sip.GetOutboundTrunkAsync(created.SipTrunkId)).DefaultTimeout();
    }

    [Fact]
    public async Task Outbound_trunk_with_a_sip_uri_address_is_rejected()
    {
        var error = await Assert.ThrowsAsync<LiveKitInvalidArgumentException>(() => _api.Sip.CreateOutboundTrunkAsync(
            new SipOutboundTrunkInfo { Address = "sip:pbx.example.com", Numbers = ["+1555"] })).DefaultTimeout();

        Assert.Contains("not a SIP URI", error.Message);
    }

    [Fact]
    public async Task Dispatch_rule_is_created_listed_updated_and_deleted()
    {
        var created = await _api.Sip.CreateDispatchRuleAsync(new SipDispatchRuleInfo
        {
            Rule = new SipDispatchRule { DispatchRuleIndividual = new SipDispatchRuleIndividual { RoomPrefix = "call-" } },
            TrunkIds = ["ST_a"],
            Name = "per-caller",
            Attributes = new() { ["team"] = "support" },
        }).DefaultTimeout();
        var listed = await _api.Sip.ListDispatchRulesAsync(new ListSipDispatchRuleRequest { TrunkIds = ["ST_a"] }).DefaultTimeout();
        var updated = await _api.Sip.UpdateDispatchRuleAsync(new UpdateSipDispatchRuleRequest
        {
            SipDispatchRuleId = created.SipDispatchRuleId,
            Update = new SipDispatchRuleUpdate { TrunkIds = new ListUpdate { Add = ["ST_b"] }, Metadata = "v2" },
        }).DefaultTimeout();
        var deleted = await _api.Sip.DeleteDispatchRuleAsync(created.SipDispatchRuleId).DefaultTimeout();

        Assert.StartsWith("SDR_", created.SipDispatchRuleId);
        Assert.Equal("call-", created.Rule!.DispatchRuleIndividual!.RoomPrefix);
        Assert.Null(created.Rule.DispatchRuleDirect);
        Assert.Equal("support", created.Attributes["team"]);
        Assert.Equal(created.SipDispatchRuleId, Assert.Single(listed).SipDispatchRuleId);
        Assert.Equal(["ST_a", "ST_b"], updated.TrunkIds);
        Assert.Equal("v2", updated.Metadata);
        Assert.Equal(created.SipDispatchRuleId, deleted.SipDispatchRuleId);
        Assert.Empty(_api.Server.State.GetDispatchRules());
    }

    [Fact]
    public async Task Dispatch_rule_without_a_rule_or_conflicting_with_another_is_rejected()
    {
        var rule = new SipDispatchRuleInfo { Rule = new SipDispatchRule { DispatchRuleDirect = new SipDispatchRuleDirect { RoomName = "lobby" } } };
        await _api.Sip.CreateDispatchRuleAsync(rule).DefaultTimeout();

        var missing = await Assert.ThrowsAsync<LiveKitInvalidArgumentException>(() => _api.Sip.CreateDispatchRuleAsync(new SipDispatchRuleInfo())).DefaultTimeout();
        var conflict = await Assert.ThrowsAsync<LiveKitInvalidArgumentException>(() => _api.Sip.CreateDispatchRuleAsync(rule)).DefaultTimeout();

        Assert.Contains("missing rule", missing.Message);
        Assert.Contains("Conflicting SIP Dispatch Rules", conflict.Message);
    }

    [Fact]
    public async Task CreateSipParticipant_puts_a_sip_participant_in_the_room_and_calls_the_dial_hook()
    {
        var trunk = await CreateOutboundTrunkAsync().DefaultTimeout();
        LoopbackSipDial? dial = null;
        _api.Server.OnCreateSipParticipant = (d, _) =>
        {
            dial = d;
            return Task.CompletedTask;
        };

        var info = await _api.Sip.CreateSipParticipantAsync(new CreateSipParticipantRequest
        {
            SipTrunkId = trunk.SipTrunkId,
            SipCallTo = "agent",
            RoomName = "call-7",
            ParticipantIdentity = "mediahost",
            ParticipantAttributes = new() { ["role"] = "agent" },
            RingingTimeout = TimeSpan.FromSeconds(20),
            MaxCallDuration = TimeSpan.FromMinutes(30),
            WaitUntilAnswered = true,
        }).DefaultTimeout();

        Assert.StartsWith("SCL_", info.SipCallId);
        Assert.Equal(("mediahost", "call-7"), (info.ParticipantIdentity, info.RoomName));
        Assert.NotNull(dial);
        Assert.Equal("sip:agent@127.0.0.1:5080", dial.RequestUri);
        Assert.Equal(TimeSpan.FromMinutes(30), dial.Request.MaxCallDuration);
        var participant = Assert.Single(_api.Server.State.GetParticipants("call-7"));
        Assert.Equal(ParticipantKind.Sip, participant.Kind);
        Assert.Equal(("agent", info.SipCallId, "active"), (participant.Attributes["role"], participant.Attributes["sip.callID"], participant.Attributes["sip.callStatus"]));
    }

    [Fact]
    public async Task CreateSipParticipant_to_a_sip_uri_is_rejected_as_invalid_argument()
    {
        var trunk = await CreateOutboundTrunkAsync().DefaultTimeout();

        var error = await Assert.ThrowsAsync<LiveKitInvalidArgumentException>(() => _api.Sip.CreateSipParticipantAsync(new CreateSipParticipantRequest
        {
            SipTrunkId = trunk.SipTrunkId,
            SipCallTo = "agent@127.0.0.1",
            RoomName = "call-8",
        })).DefaultTimeout();

        Assert.Contains("not a full SIP URI", error.Message);
        Assert.Empty(_api.Server.State.GetDials());
    }

    [Fact]
    public async Task CreateSipParticipant_with_an_unknown_trunk_is_not_found()
    {
        await Assert.ThrowsAsync<LiveKitNotFoundException>(() => _api.Sip.CreateSipParticipantAsync(new CreateSipParticipantRequest
        {
            SipTrunkId = "ST_missing",
            SipCallTo = "agent",
            RoomName = "call-9",
        })).DefaultTimeout();
    }

    [Fact]
    public async Task A_busy_callee_fails_the_dial_with_the_sip_status_and_no_participant_stays()
    {
        var trunk = await CreateOutboundTrunkAsync().DefaultTimeout();
        _api.Server.OnCreateSipParticipant = (_, _) => throw LoopbackTwirpException.SipCallFailed(TwirpErrorCode.ResourceExhausted, 486, "Busy Here");

        var error = await Assert.ThrowsAsync<LiveKitResourceExhaustedException>(() => _api.Sip.CreateSipParticipantAsync(new CreateSipParticipantRequest
        {
            SipTrunkId = trunk.SipTrunkId,
            SipCallTo = "agent",
            RoomName = "call-10",
            WaitUntilAnswered = true,
        })).DefaultTimeout();

        Assert.Equal((486, "Busy Here", 429), (error.SipStatusCode, error.SipStatus, error.HttpStatus));
        Assert.Contains("SIP 486 Busy Here", error.Message);
        Assert.Empty(_api.Server.State.GetParticipants("call-10"));
        Assert.Single(_api.Server.Requests, r => r.Method == "SIP/CreateSIPParticipant");
    }

    [Fact]
    public async Task TransferSipParticipant_refers_a_sip_participant_to_a_tel_uri()
    {
        _api.Server.State.AddParticipant("call-11", "caller", ParticipantKind.Sip);

        await _api.Sip.TransferSipParticipantAsync(new TransferSipParticipantRequest
        {
            RoomName = "call-11",
            ParticipantIdentity = "caller",
            TransferTo = "<tel:+15550002222>",
            PlayDialtone = true,
        }).DefaultTimeout();

        Assert.Equal("<tel:+15550002222>", Assert.Single(_api.Server.State.GetTransfers()).TransferTo);
    }

    [Theory]
    [InlineData("+15550002222")]
    [InlineData("http://example.com")]
    public async Task TransferSipParticipant_to_something_not_sip_sips_or_tel_is_rejected(string target)
    {
        _api.Server.State.AddParticipant("call-12", "caller", ParticipantKind.Sip);

        var error = await Assert.ThrowsAsync<LiveKitInvalidArgumentException>(() => _api.Sip.TransferSipParticipantAsync(new TransferSipParticipantRequest
        {
            RoomName = "call-12",
            ParticipantIdentity = "caller",
            TransferTo = target,
        })).DefaultTimeout();

        Assert.Contains("sip:, sips: or tel:", error.Message);
        Assert.Empty(_api.Server.State.GetTransfers());
    }
}
