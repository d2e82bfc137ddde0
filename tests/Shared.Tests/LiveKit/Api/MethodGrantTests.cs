using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Shared.Tests.LiveKit.Api;

/// <summary>Each method's token carries exactly the grant LiveKit requires, and the server refuses any token lacking it.</summary>
public sealed class MethodGrantTests : IAsyncLifetime
{
    private ApiHarness _api = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _api = await ApiHarness.StartAsync(resilience: r => r.MaxAttempts = 1);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public void The_table_covers_every_method_the_clients_call() =>
        Assert.Equal(LiveKitApiMethods.All.Select(m => m.FullName).Order(), MethodGrantTable.Entries.Select(e => e.Method.FullName).Order());

    [Theory]
    [MemberData(nameof(MethodGrantTable.Names), MemberType = typeof(MethodGrantTable))]
    public async Task Our_token_carries_exactly_the_methods_grant_for_ten_minutes_and_no_identity(string method)
    {
        var entry = MethodGrantTable.Get(method);

        try
        {
            await entry.CallThroughClient(_api).DefaultTimeout();
        }
        catch (LiveKitApiException e) when (e.Code != TwirpErrorCode.Unauthenticated)
        {
            // not_found and invalid_argument are fine here: the grant was accepted.
        }

        var request = Assert.Single(_api.Server.Requests);
        Assert.Equal("/twirp/livekit." + method, request.Path);
        var payload = JsonNode.Parse(TestJwt.Payload(request.BearerToken!).GetRawText())!.AsObject();
        var grants = new JsonObject();
        foreach (var key in new[] { "video", "sip" })
        {
            if (payload[key] is { } value)
            {
                grants[key] = value.DeepClone();
            }
        }
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(entry.ExpectedClaims), grants), $"{method}: expected {entry.ExpectedClaims}, got {grants.ToJsonString()}");
        Assert.Equal(600, payload["exp"]!.GetValue<long>() - payload["nbf"]!.GetValue<long>());
        Assert.Null(payload["sub"]);
        Assert.Equal(_api.Server.ApiKey, payload["iss"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(MethodGrantTable.Names), MemberType = typeof(MethodGrantTable))]
    public async Task A_token_without_the_methods_grant_is_refused_as_unauthenticated_permissions_denied(string method)
    {
        var entry = MethodGrantTable.Get(method);

        foreach (var refused in entry.Refused)
        {
            var token = new ServiceTokenFactory(_api.Server.Credentials, TimeProvider.System, TimeSpan.FromMinutes(10)).Create(refused);
            using var response = await PostAsync(method, entry.Body, "Bearer " + token);
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("""{"code":"unauthenticated","msg":"permissions denied"}""", body);
        }
    }

    [Fact]
    public async Task A_request_without_any_token_gets_no_grants_and_is_refused_as_permissions_denied()
    {
        using var response = await PostAsync("RoomService/ListRooms", "{}", authorization: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("permissions denied", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Token abc", "invalid authorization header. Must start with Bearer ")]
    [InlineData("bearer abc", "invalid authorization header. Must start with Bearer ")]
    [InlineData("Bearer not-a-jwt", "invalid authorization token")]
    public async Task A_malformed_authorization_header_is_refused_in_plain_text(string header, string expected)
    {
        using var response = await PostAsync("RoomService/ListRooms", "{}", header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(expected, (await response.Content.ReadAsStringAsync()).TrimEnd('\n'));
    }

    [Fact]
    public async Task A_token_signed_with_another_secret_or_key_is_refused_in_plain_text()
    {
        var wrongSecret = new ServiceTokenFactory(new(_api.Server.ApiKey, TestJwt.NewSecret()), TimeProvider.System, TimeSpan.FromMinutes(10)).Create(TwirpGrant.RoomList());
        var wrongKey = new ServiceTokenFactory(new("APIunknown", _api.Server.ApiSecret), TimeProvider.System, TimeSpan.FromMinutes(10)).Create(TwirpGrant.RoomList());

        using var badSignature = await PostAsync("RoomService/ListRooms", "{}", "Bearer " + wrongSecret);
        using var unknownKey = await PostAsync("RoomService/ListRooms", "{}", "Bearer " + wrongKey);

        Assert.Equal(HttpStatusCode.Unauthorized, badSignature.StatusCode);
        Assert.StartsWith("invalid token: ", await badSignature.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, unknownKey.StatusCode);
        Assert.StartsWith("invalid API key", await unknownKey.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("GET", "RoomService/ListRooms", "application/json", "unsupported method")]
    [InlineData("POST", "RoomService/NoSuchMethod", "application/json", "no handler for path")]
    [InlineData("POST", "RoomService/ListRooms", "text/plain", "unexpected Content-Type")]
    public async Task Wrong_method_path_or_content_type_is_a_bad_route_404(string httpMethod, string method, string contentType, string expected)
    {
        var token = new ServiceTokenFactory(_api.Server.Credentials, TimeProvider.System, TimeSpan.FromMinutes(10)).Create(TwirpGrant.RoomList());
        using var request = new HttpRequestMessage(new HttpMethod(httpMethod), new Uri(_api.Server.Url, "/twirp/livekit." + method));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Content = new StringContent("{}", Encoding.UTF8, contentType);

        using var response = await _http.SendAsync(request).DefaultTimeout();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("bad_route", body["code"]!.GetValue<string>());
        Assert.Contains(expected, body["msg"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_request_body_in_snake_case_is_read_like_camel_case()
    {
        _api.Server.State.AddRoom("snake");
        var token = new ServiceTokenFactory(_api.Server.Credentials, TimeProvider.System, TimeSpan.FromMinutes(10)).Create(TwirpGrant.RoomAdmin("snake"));

        using var response = await PostAsync("RoomService/UpdateRoomMetadata", """{"room":"snake","metadata":"x","unknown_field":1}""", "Bearer " + token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("x", _api.Server.State.GetRooms().Single().Metadata);
    }

    private async Task<HttpResponseMessage> PostAsync(string method, string body, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_api.Server.Url, "/twirp/livekit." + method))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        return await _http.SendAsync(request).DefaultTimeout();
    }
}
