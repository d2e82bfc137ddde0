using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Shared.Tests.LiveKit.Api;

public sealed class EgressIngressAgentClientTests : IAsyncLifetime
{
    private ApiHarness _api = null!;

    public async Task InitializeAsync() => _api = await ApiHarness.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Room_composite_egress_to_s3_starts_lists_and_stops()
    {
        _api.Server.State.AddRoom("call-20");

        var started = await _api.Egress.StartRoomCompositeEgressAsync(new RoomCompositeEgressRequest
        {
            RoomName = "call-20",
            AudioOnly = true,
            FileOutputs = [new EncodedFileOutput { FileType = EncodedFileType.Ogg, Filepath = "calls/{room_name}.ogg", S3 = new S3Upload { Bucket = "rec", Region = "eu-west-1", AccessKey = "a", Secret = "s" } }],
        }).DefaultTimeout();
        var active = await _api.Egress.ListEgressAsync(new ListEgressRequest { RoomName = "call-20", Active = true }).DefaultTimeout();
        var stopped = await _api.Egress.StopEgressAsync(started.EgressId).DefaultTimeout();
        var activeAfter = await _api.Egress.ListEgressAsync(new ListEgressRequest { Active = true }).DefaultTimeout();

        Assert.StartsWith("EG_", started.EgressId);
        Assert.Equal(EgressStatus.Starting, started.Status);
        Assert.True(started.StartedAt > 1_700_000_000_000_000_000L, "startedAt is in nanoseconds");
        Assert.Equal("rec", started.RoomComposite!.FileOutputs[0].S3!.Bucket);
        Assert.Equal(started.EgressId, Assert.Single(active).EgressId);
        Assert.Equal(EgressStatus.Ending, stopped.Status);
        Assert.Empty(activeAfter);
    }

    [Fact]
    public async Task Track_egress_to_a_websocket_starts_for_a_published_track()
    {
        var participant = _api.Server.State.AddParticipant("call-21", "caller");

        var egress = await _api.Egress.StartTrackEgressAsync(new TrackEgressRequest
        {
            RoomName = "call-21",
            TrackId = participant.Tracks[0].Sid,
            WebsocketUrl = "ws://127.0.0.1:9/audio",
        }).DefaultTimeout();

        Assert.Equal("ws://127.0.0.1:9/audio", egress.Track!.WebsocketUrl);
        Assert.Null(egress.Track.File);
    }

    [Fact]
    public async Task Track_egress_of_an_unknown_track_is_not_found_and_stopping_an_unknown_egress_too()
    {
        _api.Server.State.AddRoom("call-22");

        await Assert.ThrowsAsync<LiveKitNotFoundException>(() => _api.Egress.StartTrackEgressAsync(new TrackEgressRequest
        {
            RoomName = "call-22",
            TrackId = "TR_missing",
            File = new DirectFileOutput { Filepath = "x.ogg" },
        })).DefaultTimeout();
        await Assert.ThrowsAsync<LiveKitNotFoundException>(() => _api.Egress.StopEgressAsync("EG_missing")).DefaultTimeout();
    }

    [Theory]
    [InlineData(IngressInput.Rtmp, "")]
    [InlineData(IngressInput.Whip, "")]
    [InlineData(IngressInput.Url, "https://media.invalid/live.m3u8")]
    public async Task Ingress_of_each_input_type_is_created_updated_listed_and_deleted(IngressInput input, string url)
    {
        var created = await _api.Ingress.CreateIngressAsync(new CreateIngressRequest
        {
            InputType = input,
            Url = url,
            Name = "in",
            RoomName = "call-23",
            ParticipantIdentity = "ingress",
            EnableTranscoding = true,
        }).DefaultTimeout();
        var updated = await _api.Ingress.UpdateIngressAsync(new UpdateIngressRequest { IngressId = created.IngressId, Name = "renamed", Enabled = false }).DefaultTimeout();
        var listed = await _api.Ingress.ListIngressAsync(new ListIngressRequest { RoomName = "call-23" }).DefaultTimeout();
        var deleted = await _api.Ingress.DeleteIngressAsync(created.IngressId).DefaultTimeout();

        Assert.StartsWith("IN_", created.IngressId);
        Assert.Equal(input, created.InputType);
        Assert.Equal(input != IngressInput.Url, created.Reusable);
        Assert.Equal(input != IngressInput.Url, created.StreamKey.Length > 0);
        Assert.True(created.EnableTranscoding);
        Assert.Equal(("renamed", (bool?)false), (updated.Name, updated.Enabled));
        Assert.Equal(created.IngressId, Assert.Single(listed).IngressId);
        Assert.Equal(created.IngressId, deleted.IngressId);
        Assert.Empty(_api.Server.State.GetIngresses());
    }

    [Fact]
    public async Task Url_ingress_without_a_url_is_rejected()
    {
        await Assert.ThrowsAsync<LiveKitInvalidArgumentException>(() => _api.Ingress.CreateIngressAsync(new CreateIngressRequest
        {
            InputType = IngressInput.Url,
            RoomName = "call-24",
            ParticipantIdentity = "ingress",
        })).DefaultTimeout();
    }

    [Fact]
    public async Task Agent_dispatch_is_created_listed_and_deleted_within_its_room()
    {
        var created = await _api.Agents.CreateDispatchAsync(new CreateAgentDispatchRequest
        {
            Room = "call-25",
            AgentName = "voice-agent",
            Metadata = "{\"lang\":\"ru\"}",
            RestartPolicy = JobRestartPolicy.Never,
        }).DefaultTimeout();
        var listed = await _api.Agents.ListDispatchAsync("call-25").DefaultTimeout();
        var otherRoom = await _api.Agents.ListDispatchAsync("call-26").DefaultTimeout();
        var deleted = await _api.Agents.DeleteDispatchAsync(created.Id, "call-25").DefaultTimeout();

        Assert.StartsWith("AD_", created.Id);
        Assert.Equal(JobRestartPolicy.Never, created.RestartPolicy);
        Assert.Equal(created.Id, Assert.Single(listed).Id);
        Assert.Empty(otherRoom);
        Assert.True(deleted.State!.DeletedAt > 0);
        await Assert.ThrowsAsync<LiveKitNotFoundException>(() => _api.Agents.DeleteDispatchAsync(created.Id, "call-25")).DefaultTimeout();
    }
}
