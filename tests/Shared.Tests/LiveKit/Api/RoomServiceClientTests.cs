using VoiceFunctions.Shared.LiveKit;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Shared.Tests.LiveKit.Api;

public sealed class RoomServiceClientTests : IAsyncLifetime
{
    private ApiHarness _api = null!;

    public async Task InitializeAsync() => _api = await ApiHarness.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task CreateRoom_returns_the_room_and_creating_it_again_returns_the_same_room()
    {
        var created = await _api.Rooms.CreateRoomAsync(new CreateRoomRequest { Name = "call-1", EmptyTimeout = 120, MaxParticipants = 3, Metadata = "m" }).DefaultTimeout();
        var again = await _api.Rooms.CreateRoomAsync(new CreateRoomRequest { Name = "call-1" }).DefaultTimeout();

        Assert.StartsWith("RM_", created.Sid);
        Assert.Equal(("call-1", 120u, 3u, "m"), (created.Name, created.EmptyTimeout, created.MaxParticipants, created.Metadata));
        Assert.True(created.CreationTime > 1_700_000_000);
        Assert.Equal(created.Sid, again.Sid);
    }

    [Fact]
    public async Task ListRooms_filters_by_name_and_lists_all_without_names()
    {
        _api.Server.State.AddRoom("a");
        _api.Server.State.AddRoom("b");

        var onlyA = await _api.Rooms.ListRoomsAsync(["a"]).DefaultTimeout();
        var all = await _api.Rooms.ListRoomsAsync().DefaultTimeout();

        Assert.Equal(["a"], onlyA.Select(r => r.Name));
        Assert.Equal(["a", "b"], all.Select(r => r.Name).Order());
    }

    [Fact]
    public async Task DeleteRoom_removes_it_and_a_second_delete_is_not_found()
    {
        _api.Server.State.AddRoom("gone");

        await _api.Rooms.DeleteRoomAsync("gone").DefaultTimeout();
        var second = await Assert.ThrowsAsync<LiveKitNotFoundException>(() => _api.Rooms.DeleteRoomAsync("gone")).DefaultTimeout();

        Assert.Empty(_api.Server.State.GetRooms());
        Assert.Equal(404, second.HttpStatus);
    }

    [Fact]
    public async Task Participants_are_listed_read_with_kind_and_attributes_and_removed()
    {
        _api.Server.State.AddParticipant("call-2", "caller", ParticipantKind.Sip, new Dictionary<string, string> { ["sip.phoneNumber"] = "+15551234567" });
        _api.Server.State.AddParticipant("call-2", "agent", ParticipantKind.Agent);

        var listed = await _api.Rooms.ListParticipantsAsync("call-2").DefaultTimeout();
        var caller = await _api.Rooms.GetParticipantAsync("call-2", "caller").DefaultTimeout();
        await _api.Rooms.RemoveParticipantAsync("call-2", "caller").DefaultTimeout();

        Assert.Equal(["agent", "caller"], listed.Select(p => p.Identity).Order());
        Assert.Equal(ParticipantKind.Sip, caller.Kind);
        Assert.Equal(ParticipantState.Active, caller.State);
        Assert.Equal("+15551234567", caller.Attributes["sip.phoneNumber"]);
        Assert.Equal(["agent"], _api.Server.State.GetParticipants("call-2").Select(p => p.Identity));
        await Assert.ThrowsAsync<LiveKitNotFoundException>(() => _api.Rooms.GetParticipantAsync("call-2", "caller")).DefaultTimeout();
    }

    [Fact]
    public async Task MutePublishedTrack_mutes_the_track()
    {
        var participant = _api.Server.State.AddParticipant("call-3", "caller");
        var trackSid = participant.Tracks[0].Sid;

        var track = await _api.Rooms.MutePublishedTrackAsync("call-3", "caller", trackSid, muted: true).DefaultTimeout();

        Assert.NotNull(track);
        Assert.True(track.Muted);
        Assert.Equal(TrackSource.Microphone, track.Source);
        Assert.True(_api.Server.State.GetParticipants("call-3")[0].Tracks[0].Muted);
    }

    [Fact]
    public async Task UpdateParticipant_sets_metadata_and_attributes_and_an_empty_attribute_deletes_it()
    {
        _api.Server.State.AddParticipant("call-4", "caller", attributes: new Dictionary<string, string> { ["old"] = "1" });

        var updated = await _api.Rooms.UpdateParticipantAsync(new UpdateParticipantRequest
        {
            Room = "call-4",
            Identity = "caller",
            Metadata = "{\"vip\":true}",
            Attributes = new() { ["old"] = "", ["new"] = "2" },
        }).DefaultTimeout();

        Assert.Equal("{\"vip\":true}", updated.Metadata);
        Assert.Equal(new Dictionary<string, string> { ["new"] = "2" }, updated.Attributes);
    }

    [Fact]
    public async Task UpdateRoomMetadata_sets_the_metadata()
    {
        _api.Server.State.AddRoom("call-5");

        var room = await _api.Rooms.UpdateRoomMetadataAsync("call-5", "phase=answered").DefaultTimeout();

        Assert.Equal("phase=answered", room.Metadata);
    }

    [Fact]
    public async Task SendData_delivers_the_payload_with_a_nonce_and_its_topic()
    {
        _api.Server.State.AddRoom("call-6");

        await _api.Rooms.SendDataAsync(new SendDataRequest
        {
            Room = "call-6",
            Data = "hi?>"u8.ToArray(),
            Topic = "lk.transcription",
            Kind = DataPacketKind.Reliable,
            DestinationIdentities = ["caller"],
        }).DefaultTimeout();

        var sent = Assert.Single(_api.Server.State.GetDataSent());
        Assert.Equal("hi?>"u8.ToArray(), sent.Data);
        Assert.Equal("lk.transcription", sent.Topic);
        Assert.Equal(["caller"], sent.DestinationIdentities);
        Assert.Equal(16, sent.Nonce!.Length);
        Assert.Contains("\"data\":\"aGk/Pg==\"", _api.Server.Requests[^1].Body);
    }

    [Fact]
    public async Task Participant_methods_on_a_missing_room_are_not_found()
    {
        var error = await Assert.ThrowsAsync<LiveKitNotFoundException>(() => _api.Rooms.ListParticipantsAsync("nowhere")).DefaultTimeout();

        Assert.Equal(TwirpErrorCode.NotFound, error.Code);
        Assert.Contains("requested room does not exist", error.Message);
        Assert.False(error.IsTransient);
    }
}
