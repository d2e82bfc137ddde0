using System.Text.Json;
using System.Text.Json.Nodes;
using VoiceFunctions.Shared.LiveKit;
using VoiceFunctions.Shared.LiveKit.Api.Json;
using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.Shared.Tests.LiveKit.Api;

/// <summary>Our requests look like protobuf-es toJson(); we read what an OSS server (or a newer one) answers.</summary>
public sealed class ProtoJsonTests
{
    private static JsonNode Write<T>(T value) => JsonNode.Parse(JsonSerializer.Serialize(value, LiveKitJson.Client))!;

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, LiveKitJson.Client)!;

    [Fact]
    public void Requests_are_camel_case_with_defaults_left_out_int64_as_strings_enums_as_names_and_durations_in_seconds()
    {
        var json = Write(new CreateSipParticipantRequest
        {
            SipTrunkId = "ST_abc",
            SipCallTo = "+15551234",
            RoomName = "r",
            ParticipantAttributes = new() { ["x"] = "y" },
            RingingTimeout = TimeSpan.FromSeconds(30),
            MaxCallDuration = TimeSpan.FromMilliseconds(3_600_500),
            IncludeHeaders = SipHeaderOptions.XHeaders,
            WaitUntilAnswered = true,
        });

        var expected = JsonNode.Parse("""
            {"sipTrunkId":"ST_abc","sipCallTo":"+15551234","roomName":"r","participantAttributes":{"x":"y"},
             "includeHeaders":"SIP_X_HEADERS","ringingTimeout":"30s","maxCallDuration":"3600.500s","waitUntilAnswered":true}
            """);
        Assert.True(JsonNode.DeepEquals(expected, json), json.ToJsonString());
        Assert.Equal("""{"room":"r","identity":"i","revokeTokenTs":"1700000000"}""",
            JsonSerializer.Serialize(new RoomParticipantIdentity { Room = "r", Identity = "i", RevokeTokenTs = 1_700_000_000 }, LiveKitJson.Client));
    }

    [Fact]
    public void Optional_fields_are_sent_when_set_even_at_their_default_and_left_out_when_unset()
    {
        Assert.Equal("""{"displayName":""}""", JsonSerializer.Serialize(new CreateSipParticipantRequest { DisplayName = "" }, LiveKitJson.Client));
        Assert.Equal("""{"enabled":false}""", JsonSerializer.Serialize(new UpdateIngressRequest { Enabled = false }, LiveKitJson.Client));
        Assert.Equal("{}", JsonSerializer.Serialize(new CreateIngressRequest { InputType = IngressInput.Rtmp }, LiveKitJson.Client));
        Assert.Equal("""{"websocketUrl":"wss://x"}""", JsonSerializer.Serialize(new TrackEgressRequest { WebsocketUrl = "wss://x" }, LiveKitJson.Client));
    }

    [Fact]
    public void Bytes_are_base64_and_map_keys_keep_their_case()
    {
        var json = JsonSerializer.Serialize(new SendDataRequest { Room = "r", Data = "hi?>"u8.ToArray(), Topic = "t" }, LiveKitJson.Client);
        var attributes = JsonSerializer.Serialize(new UpdateParticipantRequest { Attributes = new() { ["sip.callID"] = "SCL_1", ["Some_Key"] = "" } }, LiveKitJson.Client);

        Assert.Equal("""{"room":"r","data":"aGk/Pg==","topic":"t"}""", json);
        Assert.Equal("""{"attributes":{"sip.callID":"SCL_1","Some_Key":""}}""", attributes);
    }

    [Fact]
    public void A_snake_case_server_response_with_every_default_present_is_read()
    {
        const string response = """
            {"sip_trunk_id":"ST_1","name":"in","metadata":"","numbers":["+1555"],"allowed_addresses":["1.2.3.0/24"],"allowed_numbers":[],
             "auth_username":"u","auth_password":"p","auth_realm":"","headers":{},"headers_to_attributes":{},"attributes_to_headers":{},
             "include_headers":"SIP_NO_HEADERS","ringing_timeout":null,"max_call_duration":"60s","krisp_enabled":false,
             "media_encryption":"SIP_MEDIA_ENCRYPT_DISABLE","media":null,"created_at":null,"updated_at":null}
            """;

        var trunk = Read<SipInboundTrunkInfo>(response);

        Assert.Equal(("ST_1", "in", "u", "p"), (trunk.SipTrunkId, trunk.Name, trunk.AuthUsername, trunk.AuthPassword));
        Assert.Equal(["1.2.3.0/24"], trunk.AllowedAddresses);
        Assert.Null(trunk.RingingTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), trunk.MaxCallDuration);
    }

    [Fact]
    public void Int64_and_enums_are_read_as_strings_or_numbers_in_either_casing_and_unknown_fields_are_ignored()
    {
        var fromStrings = Read<ParticipantInfo>("""{"sid":"PA_1","joined_at":"1700000000","kind":"SIP","state":"ACTIVE","future_field":{"a":1}}""");
        var fromNumbers = Read<ParticipantInfo>("""{"sid":"PA_1","joinedAt":1700000000,"kind":3,"state":2}""");

        Assert.Equal((1_700_000_000L, ParticipantKind.Sip, ParticipantState.Active), (fromStrings.JoinedAt, fromStrings.Kind, fromStrings.State));
        Assert.Equal((fromStrings.JoinedAt, fromStrings.Kind, fromStrings.State), (fromNumbers.JoinedAt, fromNumbers.Kind, fromNumbers.State));
    }

    [Fact]
    public void An_enum_name_this_build_does_not_know_reads_as_the_default_instead_of_failing()
    {
        var egress = Read<EgressInfo>("""{"egress_id":"EG_1","status":"EGRESS_SOMETHING_NEW"}""");

        Assert.Equal(("EG_1", EgressStatus.Starting), (egress.EgressId, egress.Status));
    }

    [Theory]
    [InlineData(30_000, "30s")]
    [InlineData(1_500, "1.500s")]
    [InlineData(0.25, "0.000250s")]
    [InlineData(-2_000, "-2s")]
    public void Durations_use_zero_three_six_or_nine_fraction_digits(double milliseconds, string expected)
    {
        Assert.Equal(expected, ProtoDurationConverter.Format(TimeSpan.FromMilliseconds(milliseconds)));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), JsonSerializer.Deserialize<TimeSpan>($"\"{expected}\"", LiveKitJson.Client));
    }

    [Theory]
    [InlineData("30")]
    [InlineData("\"30\"")]
    [InlineData("\"00:00:30\"")]
    public void A_duration_not_in_seconds_with_an_s_suffix_is_rejected(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TimeSpan>(json, LiveKitJson.Client));

    [Fact]
    public void The_server_format_is_snake_case_with_defaults_present_and_unset_optionals_left_out()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(new TrackEgressRequest { RoomName = "r", WebsocketUrl = "ws://x" }, LiveKitJson.Server))!.AsObject();

        Assert.Equal(["room_name", "track_id", "webhooks", "websocket_url"], json.Select(p => p.Key).Order());
        Assert.Equal("", json["track_id"]!.GetValue<string>());
    }
}
