using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.Shared.LiveKit.Auth;

namespace VoiceFunctions.TestSupport.LoopbackLiveKit;

/// <summary>
/// A loopback stand-in for a LiveKit server's Twirp API, for tests only. It is NOT LiveKit: it serves
/// the RoomService, SIP, Egress, Ingress and AgentDispatchService methods our clients use on 127.0.0.1
/// (ephemeral port), enforces LiveKit's auth rules (token verification, the grant each method needs),
/// answers in the server's wire format (snake_case, defaults present, Twirp errors), keeps its world in
/// memory (<see cref="State"/>), logs every request (<see cref="Requests"/>) and injects faults
/// (<see cref="Faults"/>). Tests may seed rooms and participants directly and react to dials
/// (<see cref="OnCreateSipParticipant"/>).
/// </summary>
public sealed class LoopbackLiveKitApiTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LoopbackTwirpEndpoint _endpoint;
    private readonly List<LoopbackRecordedRequest> _requests = [];

    private LoopbackLiveKitApiTestServer(WebApplication app, LoopbackTwirpEndpoint endpoint, LiveKitCredentials credentials, LoopbackLiveKitState state, LoopbackFaults faults, Uri url)
    {
        _app = app;
        _endpoint = endpoint;
        Credentials = credentials;
        State = state;
        Faults = faults;
        Url = url;
    }

    /// <summary>The key and secret the server accepts; made at random for each server.</summary>
    public LiveKitCredentials Credentials { get; }

    public string ApiKey => Credentials.ApiKey;

    public string ApiSecret => Credentials.ApiSecret;

    /// <summary>http://127.0.0.1:&lt;port&gt;</summary>
    public Uri Url { get; }

    /// <summary>The same address as LiveKit clients are given it: ws://127.0.0.1:&lt;port&gt;.</summary>
    public string WebSocketUrl => $"ws://{Url.Authority}";

    public LoopbackLiveKitState State { get; }

    public LoopbackFaults Faults { get; }

    /// <summary>
    /// Awaited for every accepted CreateSIPParticipant after the SIP participant joined the room and before
    /// the answer is sent. Throw a <see cref="LoopbackTwirpException"/> (e.g. <see cref="LoopbackTwirpException.SipCallFailed"/>) to fail the dial.
    /// </summary>
    public Func<LoopbackSipDial, CancellationToken, Task>? OnCreateSipParticipant { get; set; }

    /// <summary>
    /// Awaited for every accepted TransferSIPParticipant before the answer is sent (LiveKit answers once the transfer
    /// completed or failed). Throw a <see cref="LoopbackTwirpException"/> (e.g. <see cref="LoopbackTwirpException.SipCallFailed"/>) to fail it.
    /// </summary>
    public Func<TransferSipParticipantRequest, CancellationToken, Task>? OnTransferSipParticipant { get; set; }

    /// <summary>How many requests have arrived, answered or not (a delayed or dropped request counts at once).</summary>
    public int ReceivedCount => _endpoint.ReceivedTotal;

    /// <summary>How many requests for one method ("Service/Method") have arrived, answered or not.</summary>
    public int ReceivedCountOf(string method) => _endpoint.Received(method);

    /// <summary>Every request answered so far, in order.</summary>
    public IReadOnlyList<LoopbackRecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <param name="timeProvider">Clock for token expiry and timestamps; share a FakeTimeProvider with the client under test.</param>
    /// <param name="tokenLeeway">Clock skew allowed on exp/nbf; LiveKit's server allows 1 minute.</param>
    public static async Task<LoopbackLiveKitApiTestServer> StartAsync(TimeProvider? timeProvider = null, TimeSpan? tokenLeeway = null)
    {
        timeProvider ??= TimeProvider.System;
        var credentials = new LiveKitCredentials("APIloopback" + LoopbackLiveKitState.NewId(""), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var verifier = new TokenVerifier(new Dictionary<string, string> { [credentials.ApiKey] = credentials.ApiSecret }, timeProvider, tokenLeeway ?? TokenVerifier.ServerLeeway);
        var state = new LoopbackLiveKitState(timeProvider);
        var faults = new LoopbackFaults();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();

        LoopbackLiveKitApiTestServer? server = null;
        var routes = new LoopbackRouteTable();
        new LoopbackRoomService(state).MapTo(routes);
        new LoopbackSipTrunkService(state).MapTo(routes);
        new LoopbackSipDispatchRuleService(state).MapTo(routes);
        new LoopbackSipCallService(state, () => server?.OnCreateSipParticipant, () => server?.OnTransferSipParticipant).MapTo(routes);
        new LoopbackEgressService(state).MapTo(routes);
        new LoopbackEgressKinds(state).MapTo(routes);
        new LoopbackParticipantMoves(state).MapTo(routes);
        new LoopbackIngressService(state).MapTo(routes);
        new LoopbackAgentDispatchService(state).MapTo(routes);
        var endpoint = new LoopbackTwirpEndpoint(routes, verifier, faults, timeProvider, request => server!.Record(request));
        app.Run(endpoint.HandleAsync);

        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new LoopbackLiveKitApiTestServer(app, endpoint, credentials, state, faults, new Uri(address));
        return server;
    }

    private void Record(LoopbackRecordedRequest request)
    {
        lock (_requests)
        {
            _requests.Add(request);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
