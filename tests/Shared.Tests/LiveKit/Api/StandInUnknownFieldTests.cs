using System.Net;
using System.Net.Http.Headers;
using System.Text;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Shared.Tests.LiveKit.Api;

/// <summary>
/// The loopback stand-in ignores fields a request message does not define, as LiveKit's protojson decoder
/// does (the call succeeds and the field is lost), but records them, so tests can prove our client sends none.
/// </summary>
public sealed class StandInUnknownFieldTests
{
    [Fact]
    public async Task A_misspelled_field_is_ignored_as_LiveKit_does_and_recorded_with_its_path()
    {
        await using var api = await ApiHarness.StartAsync();
        var token = new ServiceTokenFactory(api.Server.Credentials, TimeProvider.System, TimeSpan.FromMinutes(10)).Create(TwirpGrant.RoomCreate());
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(api.Server.Url, "/twirp/livekit.RoomService/CreateRoom"))
        {
            Content = new StringContent("""{"name":"typo-room","emptyTimout":30,"agents":[{"agentName":"a","metdata":"m"}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await http.SendAsync(request).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var recorded = Assert.Single(api.Server.Requests);
        Assert.Equal(["emptyTimout", "agents[0].metdata"], recorded.UnknownFields);
        Assert.NotEqual(30u, Assert.Single(api.Server.State.GetRooms()).EmptyTimeout);
    }

    [Fact]
    public async Task A_request_with_every_field_our_model_has_is_recorded_with_no_unknown_field()
    {
        await using var api = await ApiHarness.StartAsync();
        await api.Rooms.CreateRoomAsync(new Shared.LiveKit.Api.Models.CreateRoomRequest
        {
            Name = "full-room", EmptyTimeout = 30, DepartureTimeout = 5, MaxParticipants = 3, Metadata = "m", NodeId = "n", RoomPreset = "p",
            MinPlayoutDelay = 1, MaxPlayoutDelay = 2, SyncStreams = true, ReplayEnabled = true, Tags = new() { ["t"] = "v" },
            Agents = [new Shared.LiveKit.Api.Models.RoomAgentDispatch { AgentName = "a", Metadata = "m", Deployment = "d", Attributes = new() { ["k"] = "v" } }],
        }).DefaultTimeout();

        Assert.Empty(Assert.Single(api.Server.Requests).UnknownFields!);
    }
}
