using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Shared.Tests.LiveKit.Api;

/// <summary>Every Twirp code, plain-text and gateway errors become the right typed exception, with no secret or token in sight.</summary>
public sealed class ErrorMappingTests
{
    public static IEnumerable<object[]> Codes() => TwirpErrorCodes.All.Select(c => new object[] { c });

    private static Type ExpectedType(TwirpErrorCode code) => code switch
    {
        TwirpErrorCode.Unauthenticated => typeof(LiveKitAuthenticationException),
        TwirpErrorCode.PermissionDenied => typeof(LiveKitPermissionDeniedException),
        TwirpErrorCode.NotFound or TwirpErrorCode.BadRoute => typeof(LiveKitNotFoundException),
        TwirpErrorCode.InvalidArgument or TwirpErrorCode.Malformed or TwirpErrorCode.OutOfRange => typeof(LiveKitInvalidArgumentException),
        TwirpErrorCode.AlreadyExists => typeof(LiveKitAlreadyExistsException),
        TwirpErrorCode.Unavailable => typeof(LiveKitUnavailableException),
        TwirpErrorCode.DeadlineExceeded => typeof(LiveKitDeadlineExceededException),
        TwirpErrorCode.ResourceExhausted => typeof(LiveKitResourceExhaustedException),
        _ => typeof(LiveKitApiException),
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task Each_twirp_code_becomes_its_exception_with_code_status_message_and_meta(TwirpErrorCode code)
    {
        await using var api = await ApiHarness.StartAsync(resilience: r => r.MaxAttempts = 1);
        var meta = new Dictionary<string, string> { ["error_details"] = "abc", ["room"] = "r" };
        api.Server.Faults.FailNext(LiveKitApiMethods.ListRooms, 1, code, "it went wrong", meta);

        var error = await Assert.ThrowsAnyAsync<LiveKitApiException>(() => api.Rooms.ListRoomsAsync()).DefaultTimeout();

        Assert.Equal(ExpectedType(code), error.GetType());
        Assert.Equal(code, error.Code);
        Assert.Equal(TwirpErrorCodes.HttpStatusOf(code), error.HttpStatus);
        Assert.Equal("it went wrong", error.ServerMessage);
        Assert.Equal(meta, error.Meta);
        Assert.False(error.IsPlainText);
        Assert.Equal("RoomService/ListRooms", error.Method);
        Assert.Contains(TwirpErrorCodes.ToWireName(code), error.Message);
        Assert.Equal(code == TwirpErrorCode.Unavailable, error.IsTransient);
    }

    [Fact]
    public async Task An_expired_token_gets_a_plain_text_401_and_the_echoed_token_is_kept_out_of_the_exception_and_logs()
    {
        // The server's clock is two hours ahead, so our ten-minute token is long expired when it arrives.
        var serverTime = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(2));
        await using var api = await ApiHarness.StartAsync(serverTime: serverTime);

        var error = await Assert.ThrowsAsync<LiveKitAuthenticationException>(() => api.Rooms.ListRoomsAsync()).DefaultTimeout();

        var token = api.Server.Requests.Single().BearerToken!;
        Assert.True(error.IsPlainText);
        Assert.Equal(401, error.HttpStatus);
        Assert.Equal(TwirpErrorCode.Unauthenticated, error.Code);
        Assert.False(error.IsTransient);
        Assert.Contains("invalid token: <redacted-token>, error: the token expired", error.Message);
        AssertNoSecrets(api, error, token);
    }

    [Fact]
    public async Task A_wrong_api_secret_is_an_authentication_error_that_names_neither_secret_nor_token()
    {
        var wrongSecret = TestJwt.NewSecret();
        await using var api = await ApiHarness.StartAsync(configure: o => o.ApiSecret = wrongSecret);

        var error = await Assert.ThrowsAsync<LiveKitAuthenticationException>(() => api.Sip.ListInboundTrunksAsync()).DefaultTimeout();

        Assert.True(error.IsPlainText);
        Assert.DoesNotContain(wrongSecret, error.ToString());
        Assert.DoesNotContain(wrongSecret, string.Join("\n", api.Logs.Lines));
        AssertNoSecrets(api, error, api.Server.Requests.Single().BearerToken!);
    }

    [Fact]
    public async Task Credentials_in_a_request_body_appear_in_no_log_line_or_exception()
    {
        await using var api = await ApiHarness.StartAsync(resilience: r => r.MaxAttempts = 2);
        api.Server.Faults.FailNext(LiveKitApiMethods.CreateSipOutboundTrunk, 1, TwirpErrorCode.Unavailable);
        var password = TestJwt.NewSecret();

        var error = await Assert.ThrowsAsync<LiveKitUnavailableException>(() => api.Sip.CreateOutboundTrunkAsync(
            new() { Address = "pbx.example.com", Numbers = ["+1555"], AuthUsername = "user", AuthPassword = password })).DefaultTimeout();

        Assert.Contains(password, api.Server.Requests.Single().Body);
        Assert.DoesNotContain(password, error.ToString());
        Assert.DoesNotContain(password, string.Join("\n", api.Logs.Lines));
        AssertNoSecrets(api, error, api.Server.Requests.Single().BearerToken!);
    }

    [Fact]
    public async Task A_gateways_html_502_is_unavailable_and_transient()
    {
        await using var api = await ApiHarness.StartAsync(resilience: r => r.MaxAttempts = 1);
        api.Server.Faults.FailNextWithStatus(LiveKitApiMethods.ListRooms, 1, 502, "<html><body>502 Bad Gateway</body></html>", "text/html");

        var error = await Assert.ThrowsAsync<LiveKitUnavailableException>(() => api.Rooms.ListRoomsAsync()).DefaultTimeout();

        Assert.Equal((502, TwirpErrorCode.Unavailable, true, true), (error.HttpStatus, error.Code, error.IsPlainText, error.IsTransient));
        Assert.Contains("502 Bad Gateway", error.ServerMessage);
    }

    [Theory]
    [InlineData(500, false)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    public async Task A_plain_status_without_a_twirp_body_is_classified_by_its_status(int status, bool transient)
    {
        await using var api = await ApiHarness.StartAsync(resilience: r => r.MaxAttempts = 1);
        api.Server.Faults.FailNextWithStatus(LiveKitApiMethods.ListRooms, 1, status, "upstream trouble");

        var error = await Assert.ThrowsAnyAsync<LiveKitApiException>(() => api.Rooms.ListRoomsAsync()).DefaultTimeout();

        Assert.Equal((status, transient, "upstream trouble"), (error.HttpStatus, error.IsTransient, error.ServerMessage));
    }

    [Fact]
    public async Task A_json_error_body_without_a_code_is_read_as_plain_text()
    {
        await using var api = await ApiHarness.StartAsync(resilience: r => r.MaxAttempts = 1);
        api.Server.Faults.FailNextWithStatus(LiveKitApiMethods.ListRooms, 1, 500, """{"error":"boom"}""", "application/json");

        var error = await Assert.ThrowsAnyAsync<LiveKitApiException>(() => api.Rooms.ListRoomsAsync()).DefaultTimeout();

        Assert.Equal((TwirpErrorCode.Internal, true), (error.Code, error.IsPlainText));
    }

    [Fact]
    public async Task A_connection_failure_is_a_connection_exception_not_a_twirp_error()
    {
        await using var api = await ApiHarness.StartAsync(resilience: r => r.MaxAttempts = 1);
        api.Server.Faults.DropNext(LiveKitApiMethods.ListRooms, 1);

        var error = await Assert.ThrowsAsync<LiveKitConnectionException>(() => api.Rooms.ListRoomsAsync()).DefaultTimeout();

        Assert.True(error.IsTransient);
        Assert.Contains("no response from the server", error.Message);
        Assert.IsNotAssignableFrom<LiveKitApiException>(error);
    }

    [Fact]
    public async Task A_refused_connection_is_a_transient_connection_exception()
    {
        var api = await ApiHarness.StartAsync(resilience: r => r.MaxAttempts = 1);
        await api.Server.DisposeAsync();

        var error = await Assert.ThrowsAsync<LiveKitConnectionException>(() => api.Rooms.ListRoomsAsync()).DefaultTimeout();

        Assert.True(error.IsTransient);
        Assert.Contains("connection refused or reset", error.Message);
        await api.Provider.DisposeAsync();
    }

    [Fact]
    public async Task A_success_status_with_a_body_that_is_not_json_is_an_invalid_response()
    {
        await using var api = await ApiHarness.StartAsync(resilience: r => r.MaxAttempts = 1);
        api.Server.Faults.FailNextWithStatus(LiveKitApiMethods.ListRooms, 1, 200, "<html>captive portal</html>", "text/html");

        var error = await Assert.ThrowsAsync<LiveKitApiException>(() => api.Rooms.ListRoomsAsync()).DefaultTimeout();

        Assert.Contains("not the expected JSON", error.Message);
        Assert.False(error.IsTransient);
    }

    private static void AssertNoSecrets(ApiHarness api, Exception error, string token)
    {
        var everything = error + "\n" + string.Join("\n", api.Logs.Lines);
        Assert.DoesNotContain(token, everything);
        Assert.DoesNotContain(token.Split('.')[2], everything);
        Assert.DoesNotContain(api.Server.ApiSecret, everything);
        Assert.NotEmpty(api.Logs.Lines);
    }
}
