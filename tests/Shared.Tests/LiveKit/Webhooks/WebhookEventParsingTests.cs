using System.Text;
using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.Shared.LiveKit;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.LiveKit.Webhooks;
using VoiceFunctions.Shared.LiveKit.Webhooks.Models;

namespace VoiceFunctions.Shared.Tests.LiveKit.Webhooks;

public sealed class WebhookEventParsingTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly LiveKitCredentials _credentials = new("APIwebhook", TestJwt.NewSecret());

    private WebhookEvent Receive(byte[] body)
    {
        var result = new WebhookReceiver(_credentials, _time).Receive(body, new WebhookSigner(_credentials, _time).Sign(body));
        Assert.True(result.IsValid, result.ToString());
        return result.Event;
    }

    private WebhookEvent Receive(string json) => Receive(Encoding.UTF8.GetBytes(json));

    private WebhookEvent Sample(string name) => Receive(WebhookSamples.Read(name));

    public static TheoryData<string> SampleNames() => new(WebhookSamples.Names());

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Every_sample_parses_with_its_event_name_id_and_creation_time(string name)
    {
        var webhook = Sample(name);

        Assert.Equal(name, webhook.Event);
        Assert.StartsWith("EV_", webhook.Id);
        Assert.NotNull(webhook.CreatedAt);
        Assert.Equal(name == "agent_job_started", webhook.Type == WebhookEventType.Unknown);
    }

    [Fact]
    public void Every_listed_event_has_a_sample()
    {
        var expected = new[]
        {
            "room_started", "room_finished", "participant_joined", "participant_left", "track_published",
            "track_unpublished", "egress_started", "egress_updated", "egress_ended", "ingress_started", "ingress_ended",
        };
        Assert.Empty(expected.Except(WebhookSamples.Names()));
    }

    [Fact]
    public void Room_started_carries_the_room_with_times_in_seconds()
    {
        var webhook = Sample("room_started");

        Assert.Equal(WebhookEventType.RoomStarted, webhook.Type);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1771351800), webhook.CreatedAt);
        var room = webhook.Room!;
        Assert.Equal("RM_hycBMAjmt6Ub", room.Sid);
        Assert.Equal("call-_+15550100_a1B2", room.Name);
        Assert.Equal(300u, room.EmptyTimeout);
        Assert.Equal(20u, room.DepartureTimeout);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1771351800), room.CreationTime);
        Assert.Equal(1771351800123, room.CreationTimeMs);
        Assert.Null(webhook.Participant);
    }

    [Fact]
    public void Room_finished_carries_metadata()
    {
        var webhook = Sample("room_finished");

        Assert.Equal(WebhookEventType.RoomFinished, webhook.Type);
        Assert.Equal("{\"tenant\":\"t1\"}", webhook.Room!.Metadata);
    }

    [Fact]
    public void Participant_joined_for_a_SIP_caller_exposes_kind_state_and_every_sip_attribute()
    {
        var webhook = Sample("participant_joined");

        Assert.Equal(WebhookEventType.ParticipantJoined, webhook.Type);
        var participant = webhook.Participant!;
        Assert.Equal("PA_5qGGRNuLnWZx", participant.Sid);
        Assert.Equal("sip_+15550100", participant.Identity);
        Assert.Equal("Phone +15550100", participant.Name);
        Assert.Equal(ParticipantKind.Sip, participant.Kind);
        Assert.Equal("SIP", participant.KindName);
        Assert.True(participant.IsSip);
        Assert.Equal(ParticipantState.Active, participant.State);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1771351801), participant.JoinedAt);
        Assert.Equal(1771351801456, participant.JoinedAtMs);
        Assert.True(participant.IsPublisher);
        var sip = participant.Sip;
        Assert.Equal("SCL_7d4UXvQVJmHk", sip.CallId);
        Assert.Equal("a84b4c76e66710@pbx.example.com", sip.CallIdFull);
        Assert.Equal("1928301774", sip.CallTag);
        Assert.Equal("+15550100", sip.PhoneNumber);
        Assert.Equal("+15550199", sip.TrunkPhoneNumber);
        Assert.Equal("ST_hZxMnGNVTKC4", sip.TrunkId);
        Assert.Equal("SDR_oMTrnoqTHcXz", sip.RuleId);
        Assert.Equal("active", sip.CallStatus);
        Assert.Equal("pbx.example.com", sip.Hostname);
        var track = Assert.Single(participant.Tracks);
        Assert.Equal(TrackSource.Microphone, track.Source);
        Assert.Equal(TrackType.Audio, track.Type);
    }

    [Fact]
    public void Participant_left_for_an_agent_carries_the_disconnect_reason()
    {
        var participant = Sample("participant_left").Participant!;

        Assert.Equal(ParticipantKind.Agent, participant.Kind);
        Assert.True(participant.IsAgent);
        Assert.Equal(ParticipantState.Disconnected, participant.State);
        Assert.Equal("CLIENT_INITIATED", participant.DisconnectReason);
        Assert.Equal("listening", participant.Attributes["lk.agent.state"]);
        Assert.Null(participant.Sip.CallId);
    }

    [Fact]
    public void Track_published_carries_the_audio_track_with_defaults_for_missing_fields()
    {
        var webhook = Sample("track_published");

        Assert.Equal(WebhookEventType.TrackPublished, webhook.Type);
        var track = webhook.Track!;
        Assert.Equal("TR_AMkSWX2fKnqM", track.Sid);
        Assert.Equal(TrackType.Audio, track.Type);
        Assert.Equal(TrackSource.Microphone, track.Source);
        Assert.Equal("audio/opus", track.MimeType);
        Assert.Equal("0", track.Mid);
        Assert.Equal("phone", track.Stream);
        Assert.False(track.Muted);
    }

    [Fact]
    public void Track_unpublished_carries_a_video_track_and_a_participant_with_default_kind_and_state()
    {
        var webhook = Sample("track_unpublished");

        Assert.Equal(WebhookEventType.TrackUnpublished, webhook.Type);
        var track = webhook.Track!;
        Assert.Equal(TrackType.Video, track.Type);
        Assert.Equal(TrackSource.Camera, track.Source);
        Assert.True(track.Muted);
        Assert.Equal(1280u, track.Width);
        Assert.Equal(720u, track.Height);
        var participant = webhook.Participant!;
        Assert.Equal(ParticipantKind.Standard, participant.Kind);
        Assert.Equal("STANDARD", participant.KindName);
        Assert.Equal(ParticipantState.Joining, participant.State);
        Assert.Empty(participant.Attributes);
        Assert.Empty(participant.Tracks);
    }

    [Fact]
    public void Egress_events_carry_status_and_nanosecond_times()
    {
        var started = Sample("egress_started");
        var updated = Sample("egress_updated");
        var ended = Sample("egress_ended");

        Assert.Equal(WebhookEventType.EgressStarted, started.Type);
        Assert.Equal(EgressStatus.Starting, started.EgressInfo!.Status);
        Assert.Equal("EG_R6oTPwTyjnWJ", started.EgressInfo.EgressId);
        Assert.Equal(1771351810123456789, started.EgressInfo.StartedAtNs);
        Assert.Equal("RM_hycBMAjmt6Ub", started.EgressInfo.RoomId);
        Assert.Equal(WebhookEventType.EgressUpdated, updated.Type);
        Assert.Equal(EgressStatus.Active, updated.EgressInfo!.Status);
        Assert.Equal(WebhookEventType.EgressEnded, ended.Type);
        var info = ended.EgressInfo!;
        Assert.Equal(EgressStatus.Failed, info.Status);
        Assert.Equal(1771352100000000000, info.EndedAtNs);
        Assert.Equal("upload failed", info.Error);
        Assert.Equal(500, info.ErrorCode);
        Assert.Equal("calls/call.json", info.ManifestLocation);
    }

    [Fact]
    public void Ingress_events_carry_input_type_and_state()
    {
        var started = Sample("ingress_started");
        var ended = Sample("ingress_ended");

        Assert.Equal(WebhookEventType.IngressStarted, started.Type);
        var info = started.IngressInfo!;
        Assert.Equal("IN_ySJtj6bq6WZn", info.IngressId);
        Assert.Equal(IngressInput.Whip, info.InputType);
        Assert.Equal(IngressStatus.EndpointPublishing, info.Status);
        Assert.Equal("RM_hycBMAjmt6Ub", info.StateRoomId);
        Assert.True(info.Reusable);
        Assert.Equal("music", info.ParticipantIdentity);
        Assert.Equal(WebhookEventType.IngressEnded, ended.Type);
        Assert.Equal(IngressInput.Rtmp, ended.IngressInfo!.InputType);
        Assert.Equal(IngressStatus.EndpointError, ended.IngressInfo.Status);
        Assert.Equal("stream timed out", ended.IngressInfo.StateError);
    }

    [Fact]
    public void Unknown_event_is_kept_with_its_name_and_raw_fields()
    {
        var webhook = Sample("agent_job_started");

        Assert.Equal(WebhookEventType.Unknown, webhook.Type);
        Assert.Equal("agent_job_started", webhook.Event);
        Assert.Equal("voice-agent", webhook.Raw.GetProperty("job").GetProperty("agentName").GetString());
        Assert.Equal(3, webhook.Raw.GetProperty("futureField").GetProperty("nested").GetArrayLength());
    }

    [Fact]
    public void Unknown_fields_inside_known_objects_are_kept_in_the_raw_json()
    {
        var webhook = Sample("room_started");

        Assert.Equal("1771351800123456", webhook.Raw.GetProperty("room").GetProperty("version").GetProperty("unixMicro").GetString());
    }

    [Fact]
    public void Snake_case_names_int64_numbers_and_enum_numbers_are_accepted()
    {
        var webhook = Receive("""
            {"event":"participant_joined","id":"EV_1","created_at":1771351801,
             "room":{"sid":"RM_1","name":"r","creation_time":1771351800,"num_participants":2},
             "participant":{"identity":"sip_1","kind":3,"state":2,"joined_at_ms":1771351801456,"is_publisher":true,
                            "disconnect_reason":13,"attributes":{"sip.callID":"SCL_1"},
                            "tracks":[{"sid":"TR_1","type":1,"source":2,"mime_type":"audio/opus"}]},
             "egress_info":{"egress_id":"EG_1","status":3,"started_at":5},
             "ingress_info":{"ingress_id":"IN_1","input_type":2,"state":{"status":2,"room_id":"RM_1"}},
             "num_dropped":4}
            """);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1771351801), webhook.CreatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1771351800), webhook.Room!.CreationTime);
        Assert.Equal(2u, webhook.Room.NumParticipants);
        var participant = webhook.Participant!;
        Assert.Equal(ParticipantKind.Sip, participant.Kind);
        Assert.Equal("SIP", participant.KindName);
        Assert.Equal(ParticipantState.Active, participant.State);
        Assert.Equal(1771351801456, participant.JoinedAtMs);
        Assert.True(participant.IsPublisher);
        Assert.Equal("SIP_TRUNK_FAILURE", participant.DisconnectReason);
        Assert.Equal("SCL_1", participant.Sip.CallId);
        Assert.Equal(TrackType.Video, participant.Tracks[0].Type);
        Assert.Equal(TrackSource.Microphone, participant.Tracks[0].Source);
        Assert.Equal("audio/opus", participant.Tracks[0].MimeType);
        Assert.Equal(EgressStatus.Complete, webhook.EgressInfo!.Status);
        Assert.Equal(5, webhook.EgressInfo.StartedAtNs);
        Assert.Equal(IngressInput.Url, webhook.IngressInfo!.InputType);
        Assert.Equal(IngressStatus.EndpointPublishing, webhook.IngressInfo.Status);
        Assert.Equal("RM_1", webhook.IngressInfo.StateRoomId);
        Assert.Equal(4, webhook.NumDropped);
    }

    [Fact]
    public void Kind_newer_than_this_code_keeps_its_name_instead_of_failing()
    {
        var participant = Receive("""{"event":"participant_joined","participant":{"identity":"x","kind":"HOLOGRAM"}}""").Participant!;

        Assert.Equal("HOLOGRAM", participant.KindName);
        Assert.Equal(ParticipantKind.Standard, participant.Kind);
    }

    [Fact]
    public void Null_values_mean_defaults_as_in_protobuf_JSON()
    {
        var webhook = Receive("""{"event":"room_started","id":null,"room":null,"participant":{"kind":null,"attributes":null,"tracks":null}}""");

        Assert.Null(webhook.Id);
        Assert.Null(webhook.Room);
        Assert.Equal(ParticipantKind.Standard, webhook.Participant!.Kind);
        Assert.Empty(webhook.Participant.Attributes);
    }

    [Fact]
    public void Minimal_event_without_created_at_parses()
    {
        var webhook = Receive("""{"event":"room_started"}""");

        Assert.Equal(WebhookEventType.RoomStarted, webhook.Type);
        Assert.Null(webhook.CreatedAt);
        Assert.Null(webhook.Id);
    }
}
