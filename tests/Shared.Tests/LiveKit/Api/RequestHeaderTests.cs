using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Shared.Tests.LiveKit.Api;

/// <summary>
/// The headers the official SDKs send with every call: a User-Agent naming the SDK and its version, and an
/// X-Livekit-Request-Id (a UUID) that names the call, the same on each retry so the server can tell a repeat.
/// </summary>
public sealed class RequestHeaderTests
{
    [Fact]
    public async Task Every_attempt_names_this_sdk_and_one_call_keeps_one_request_id_across_retries()
    {
        await using var api = await ApiHarness.StartAsync();
        api.Server.Faults.FailNext(LiveKitApiMethods.ListRooms, 1, TwirpErrorCode.Unavailable);

        await api.Rooms.ListRoomsAsync().DefaultTimeout();
        await api.Rooms.ListRoomsAsync().DefaultTimeout();

        var requests = api.Server.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal(LiveKitTwirpTransport.UserAgent, r.UserAgent));
        Assert.StartsWith("voicefunctions-livekit-server-dotnet/", LiveKitTwirpTransport.UserAgent);
        Assert.All(requests, r => Assert.True(Guid.TryParse(r.RequestId, out _), $"not a UUID: '{r.RequestId}'"));
        Assert.Equal(requests[0].RequestId, requests[1].RequestId); // the retry of the first call
        Assert.NotEqual(requests[1].RequestId, requests[2].RequestId); // the second call
    }
}
