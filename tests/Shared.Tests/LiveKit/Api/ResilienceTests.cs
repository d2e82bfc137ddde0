using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Shared.Tests.LiveKit.Api;

/// <summary>
/// Retries only transient failures and only of methods safe to repeat; attempts are bounded; backoff,
/// attempt timeouts and the circuit breaker run on a fake clock shared by client and server.
/// </summary>
public sealed class ResilienceTests
{
    /// <summary>
    /// Attempts the server saw. Counted when a request arrives, so once the client's call has returned
    /// every attempt it made is counted (a retry's answer is awaited before the call returns).
    /// </summary>
    private static int CountOf(ApiHarness api, TwirpMethod method) => api.Server.ReceivedCountOf(method.FullName);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }
        Assert.True(condition(), "condition not reached in time");
    }

    [Fact]
    public async Task Unavailable_answers_to_a_safe_method_are_retried_until_it_succeeds()
    {
        await using var api = await ApiHarness.StartAsync(fakeTime: true);
        api.Server.Faults.FailNext(LiveKitApiMethods.ListRooms, 2, TwirpErrorCode.Unavailable);

        var rooms = await api.Rooms.ListRoomsAsync().DefaultTimeout();

        Assert.Empty(rooms);
        Assert.Equal(3, CountOf(api, LiveKitApiMethods.ListRooms));
    }

    [Theory]
    [InlineData(TwirpErrorCode.InvalidArgument)]
    [InlineData(TwirpErrorCode.NotFound)]
    [InlineData(TwirpErrorCode.Internal)]
    [InlineData(TwirpErrorCode.Unauthenticated)]
    [InlineData(TwirpErrorCode.DeadlineExceeded)]
    [InlineData(TwirpErrorCode.ResourceExhausted)]
    public async Task A_non_transient_error_is_not_retried(TwirpErrorCode code)
    {
        await using var api = await ApiHarness.StartAsync(fakeTime: true);
        api.Server.Faults.FailNext(LiveKitApiMethods.ListRooms, 1, code);

        await Assert.ThrowsAnyAsync<LiveKitApiException>(() => api.Rooms.ListRoomsAsync()).DefaultTimeout();

        Assert.Equal(1, CountOf(api, LiveKitApiMethods.ListRooms));
    }

    [Fact]
    public async Task Dropped_connections_and_gateway_errors_on_a_safe_method_are_retried()
    {
        await using var api = await ApiHarness.StartAsync(fakeTime: true);
        api.Server.State.AddRoom("r");
        api.Server.Faults.DropNext(LiveKitApiMethods.ListParticipants, 1);
        api.Server.Faults.FailNextWithStatus(LiveKitApiMethods.ListParticipants, 1, 504, "gateway timeout");

        await api.Rooms.ListParticipantsAsync("r").DefaultTimeout();

        Assert.Equal(3, CountOf(api, LiveKitApiMethods.ListParticipants));
    }

    [Fact]
    public async Task Retries_stop_after_max_attempts_and_the_last_error_is_thrown()
    {
        await using var api = await ApiHarness.StartAsync(fakeTime: true, resilience: r => r.MaxAttempts = 4);
        api.Server.Faults.FailNext(LiveKitApiMethods.ListRooms, 10, TwirpErrorCode.Unavailable, "still down");

        var error = await Assert.ThrowsAsync<LiveKitUnavailableException>(() => api.Rooms.ListRoomsAsync()).DefaultTimeout();

        Assert.Equal("still down", error.ServerMessage);
        Assert.Equal(4, CountOf(api, LiveKitApiMethods.ListRooms));
    }

    public static IEnumerable<object[]> UnsafeCalls() =>
    [
        [LiveKitApiMethods.CreateSipParticipant.FullName],
        [LiveKitApiMethods.TransferSipParticipant.FullName],
        [LiveKitApiMethods.CreateSipInboundTrunk.FullName],
        [LiveKitApiMethods.CreateSipDispatchRule.FullName],
        [LiveKitApiMethods.StartTrackEgress.FullName],
        [LiveKitApiMethods.StartRoomCompositeEgress.FullName],
        [LiveKitApiMethods.CreateIngress.FullName],
        [LiveKitApiMethods.CreateDispatch.FullName],
        [LiveKitApiMethods.SendData.FullName],
    ];

    [Theory]
    [MemberData(nameof(UnsafeCalls))]
    public async Task A_method_that_could_act_twice_is_sent_once_even_when_the_failure_is_transient(string method)
    {
        await using var api = await ApiHarness.StartAsync(fakeTime: true);
        var entry = MethodGrantTable.Get(method);
        api.Server.Faults.FailNext(entry.Method, 1, TwirpErrorCode.Unavailable);
        api.Server.Faults.DropNext(entry.Method, 1);

        var first = await Assert.ThrowsAnyAsync<LiveKitException>(() => entry.CallThroughClient(api)).DefaultTimeout();
        var second = await Assert.ThrowsAnyAsync<LiveKitException>(() => entry.CallThroughClient(api)).DefaultTimeout();

        Assert.False(entry.Method.SafeToRepeat);
        Assert.IsType<LiveKitUnavailableException>(first);
        Assert.IsType<LiveKitConnectionException>(second);
        Assert.True(first.IsTransient && second.IsTransient);
        Assert.Equal(2, CountOf(api, entry.Method));
    }

    [Fact]
    public async Task A_trunk_replace_is_retried_but_a_field_wise_update_is_not()
    {
        await using var api = await ApiHarness.StartAsync(fakeTime: true);
        var trunk = await api.Sip.CreateInboundTrunkAsync(new SipInboundTrunkInfo { Numbers = ["+1555"] }).DefaultTimeout();
        api.Server.Faults.FailNext(LiveKitApiMethods.UpdateSipInboundTrunk, 2, TwirpErrorCode.Unavailable);

        await Assert.ThrowsAsync<LiveKitUnavailableException>(() => api.Sip.UpdateInboundTrunkAsync(new UpdateSipInboundTrunkRequest
        {
            SipTrunkId = trunk.SipTrunkId,
            Update = new SipInboundTrunkUpdate { Numbers = new ListUpdate { Add = ["+1666"] } },
        })).DefaultTimeout();
        var replaced = await api.Sip.UpdateInboundTrunkAsync(new UpdateSipInboundTrunkRequest
        {
            SipTrunkId = trunk.SipTrunkId,
            Replace = new SipInboundTrunkInfo { Numbers = ["+1777"] },
        }).DefaultTimeout();

        Assert.Equal(["+1777"], replaced.Numbers);
        Assert.Equal(3, CountOf(api, LiveKitApiMethods.UpdateSipInboundTrunk));
    }

    [Fact]
    public async Task Retries_wait_for_the_exponential_backoff_on_the_injected_clock()
    {
        await using var api = await ApiHarness.StartAsync(fakeTime: true, resilience: r =>
        {
            r.BaseDelay = TimeSpan.FromSeconds(1);
            r.UseJitter = false;
            r.AttemptTimeout = TimeSpan.FromMinutes(10);
        });
        api.Server.Faults.FailNext(LiveKitApiMethods.ListRooms, 2, TwirpErrorCode.Unavailable);

        var call = api.Rooms.ListRoomsAsync();
        await WaitUntilAsync(() => CountOf(api, LiveKitApiMethods.ListRooms) == 1);
        await Task.Delay(100);
        Assert.Equal(1, CountOf(api, LiveKitApiMethods.ListRooms));
        await api.DriveAsync(call, TimeSpan.FromMilliseconds(100));

        // Arrival times on the shared fake clock: the retries waited at least 1 s, then at least 2 s.
        // (A late timer registration can only make a gap longer, never shorter.)
        var arrivals = api.Server.Requests.Where(r => r.Method == LiveKitApiMethods.ListRooms.FullName).Select(r => r.ReceivedAt).ToArray();
        Assert.Equal(3, arrivals.Length);
        Assert.True(arrivals[1] - arrivals[0] >= TimeSpan.FromSeconds(1), $"first backoff was {arrivals[1] - arrivals[0]}");
        Assert.True(arrivals[2] - arrivals[1] >= TimeSpan.FromSeconds(2), $"second backoff was {arrivals[2] - arrivals[1]}");
    }

    [Fact]
    public async Task An_attempt_that_outlives_its_timeout_fails_with_a_timeout_exception()
    {
        await using var api = await ApiHarness.StartAsync(fakeTime: true, resilience: r => r.AttemptTimeout = TimeSpan.FromSeconds(10));
        api.Server.Faults.DelayNext(LiveKitApiMethods.CreateDispatch, 1, TimeSpan.FromMinutes(5));

        var call = api.Agents.CreateDispatchAsync(new CreateAgentDispatchRequest { Room = "r", AgentName = "a" });
        await WaitUntilAsync(() => api.Server.ReceivedCount == 1);
        api.FakeTime!.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(50);
        Assert.False(call.IsCompleted);
        api.FakeTime.Advance(TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<LiveKitTimeoutException>(() => call).DefaultTimeout();

        Assert.Equal(TimeSpan.FromSeconds(10), error.Timeout);
        Assert.True(error.IsTransient);
        Assert.Contains("no answer within 10 s", error.Message);
        Assert.Empty(api.Server.State.GetAgentDispatches());
    }

    [Fact]
    public async Task A_timed_out_attempt_of_a_safe_method_is_retried()
    {
        await using var api = await ApiHarness.StartAsync(fakeTime: true, resilience: r => r.AttemptTimeout = TimeSpan.FromSeconds(10));
        api.Server.Faults.DelayNext(LiveKitApiMethods.ListRooms, 1, TimeSpan.FromMinutes(5));

        var call = api.Rooms.ListRoomsAsync();
        await WaitUntilAsync(() => api.Server.ReceivedCount == 1);
        api.FakeTime!.Advance(TimeSpan.FromSeconds(10));
        await call.DefaultTimeout();

        await WaitUntilAsync(() => CountOf(api, LiveKitApiMethods.ListRooms) == 2);
    }

    [Fact]
    public async Task A_dial_that_waits_for_the_answer_gets_the_ring_time_as_its_attempt_timeout()
    {
        await using var api = await ApiHarness.StartAsync(fakeTime: true, resilience: r => r.AttemptTimeout = TimeSpan.FromSeconds(10));
        var trunk = await api.Sip.CreateOutboundTrunkAsync(new SipOutboundTrunkInfo { Address = "127.0.0.1", Numbers = ["+1555"] }).DefaultTimeout();
        var answered = new TaskCompletionSource();
        api.Server.OnCreateSipParticipant = (_, ct) => answered.Task.WaitAsync(ct);

        var call = api.Sip.CreateSipParticipantAsync(new CreateSipParticipantRequest
        {
            SipTrunkId = trunk.SipTrunkId, SipCallTo = "agent", RoomName = "r", WaitUntilAnswered = true, RingingTimeout = TimeSpan.FromSeconds(40),
        });
        await WaitUntilAsync(() => api.Server.ReceivedCount == 2);
        api.FakeTime!.Advance(TimeSpan.FromSeconds(44));
        await Task.Delay(100);
        Assert.False(call.IsCompleted, "40 s ring time + 5 s margin must outlast the default 10 s attempt timeout");
        api.FakeTime.Advance(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<LiveKitTimeoutException>(() => call).DefaultTimeout();
        Assert.Equal(TimeSpan.FromSeconds(45), error.Timeout);
    }

    [Fact]
    public async Task The_caller_cancelling_is_a_cancellation_not_a_timeout()
    {
        await using var api = await ApiHarness.StartAsync(fakeTime: true);
        api.Server.Faults.DelayNext(LiveKitApiMethods.ListRooms, 1, TimeSpan.FromMinutes(5));
        using var cancel = new CancellationTokenSource();

        var call = api.Rooms.ListRoomsAsync(cancellationToken: cancel.Token);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call).DefaultTimeout();
    }

    [Fact]
    public async Task The_breaker_opens_after_transient_failures_fails_fast_and_closes_after_its_break()
    {
        await using var api = await ApiHarness.StartAsync(fakeTime: true, resilience: r =>
        {
            r.MaxAttempts = 1;
            r.CircuitBreakerMinimumThroughput = 2;
            r.CircuitBreakerFailureRatio = 0.5;
            r.CircuitBreakerBreakDuration = TimeSpan.FromSeconds(30);
        });
        api.Server.Faults.FailNext(LiveKitApiMethods.ListRooms, 2, TwirpErrorCode.Unavailable);

        await Assert.ThrowsAsync<LiveKitUnavailableException>(() => api.Rooms.ListRoomsAsync()).DefaultTimeout();
        await Assert.ThrowsAsync<LiveKitUnavailableException>(() => api.Rooms.ListRoomsAsync()).DefaultTimeout();
        var open = await Assert.ThrowsAsync<LiveKitCircuitOpenException>(() => api.Sip.ListInboundTrunksAsync()).DefaultTimeout();
        Assert.Equal(2, api.Server.Requests.Count);
        Assert.True(open.IsTransient);

        api.FakeTime!.Advance(TimeSpan.FromSeconds(30));
        await api.Rooms.ListRoomsAsync().DefaultTimeout();
        await api.Rooms.ListRoomsAsync().DefaultTimeout();

        Assert.Equal(4, api.Server.Requests.Count);
    }

    [Fact]
    public async Task Non_transient_errors_do_not_open_the_breaker()
    {
        await using var api = await ApiHarness.StartAsync(fakeTime: true, resilience: r =>
        {
            r.MaxAttempts = 1;
            r.CircuitBreakerMinimumThroughput = 2;
        });

        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<LiveKitNotFoundException>(() => api.Rooms.GetParticipantAsync("nowhere", "x")).DefaultTimeout();
        }
        await api.Rooms.ListRoomsAsync().DefaultTimeout();

        Assert.Equal(6, api.Server.Requests.Count);
    }
}
