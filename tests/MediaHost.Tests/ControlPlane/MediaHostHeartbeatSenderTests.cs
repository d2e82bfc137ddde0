using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.ControlPlane;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.MediaHosts;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.ControlPlane;

/// <summary>
/// The MediaHost's heartbeat to the control plane: one signed request per host naming it and listing the calls it
/// carries, a last one saying it leaves; and its settings checked at start. (Its effect, the control plane closing a
/// killed host's calls, is tested end to end in System.Tests FrontDoorTests and Functions.Tests DirectCallLivenessTests.)
/// </summary>
public sealed class MediaHostHeartbeatSenderTests
{
    private static readonly string Secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static ControlPlaneOptions Options() => new() { BaseUrl = "http://127.0.0.1:7071", KeyId = "mediahost", Secret = Secret, HostId = "mh-7" };

    [Fact]
    public async Task Heartbeat_names_the_host_lists_the_answered_calls_not_yet_ended_and_is_signed_so_the_control_plane_accepts_it()
    {
        var options = Options();
        var handler = new CapturingHandler();
        var reporter = new CallEventReporter(new CallEventQueue(options), TimeProvider.System, NullLogger<CallEventReporter>.Instance) { HostId = options.HostId };
        var sender = new MediaHostHeartbeatSender(new HttpClient(handler), options, reporter, TimeProvider.System, NullLogger<MediaHostHeartbeatSender>.Instance);
        reporter.Answered("sip-ended", "+15550000001", "+15550000002");
        reporter.Answered("sip-live", "+15550000003", "+15550000002");
        reporter.Forget("sip-ended");

        Assert.True(await sender.SendAsync(leaving: false, CancellationToken.None).DefaultTimeout());
        reporter.Forget("sip-live");
        Assert.True(await sender.SendAsync(leaving: true, CancellationToken.None).DefaultTimeout());

        var verifier = new AgentEventVerifier(new TokenVerifier(new LiveKitCredentials("mediahost", Secret), TimeProvider.System), 64 * 1024);
        var beats = handler.Requests.Select(r =>
        {
            Assert.Equal("http://127.0.0.1:7071/api/mediahosts/mh-7/heartbeat", r.Uri.AbsoluteUri);
            Assert.Null(verifier.Verify(r.Body, r.Authorization));
            return MediaHostHeartbeatParser.TryParse(r.Body, "mh-7", out var problem) ?? throw new Xunit.Sdk.XunitException(problem);
        }).ToList();
        Assert.Equal([[ControlPlaneCallIds.For("sip-live")], []], beats.Select(b => b.Calls.Select(c => c.CallId).ToArray()));
        Assert.Equal([false, true], beats.Select(b => b.Leaving));
        Assert.Equal(5, beats[0].IntervalSeconds);
        Assert.Equal(beats[0].StartedAt, beats[1].StartedAt);
        Assert.Equal(2, sender.Sent);
    }

    [Fact]
    public void Answered_report_names_the_MediaHost_that_serves_the_call()
    {
        var options = Options();
        var queue = new CallEventQueue(options);
        var reporter = new CallEventReporter(queue, TimeProvider.System, NullLogger<CallEventReporter>.Instance) { HostId = "mh-7" };

        reporter.Answered("sip-a", "+15550000001", "+15550000002");

        Assert.True(queue.Reader.TryRead(out var answered));
        Assert.Equal("mh-7", answered.MediaHostId);
    }

    [Theory]
    [InlineData("mh 1", "00:00:05", "ControlPlane:HostId")]
    [InlineData("mh-1", "00:00:00.100", "ControlPlane:HeartbeatInterval")]
    [InlineData("mh-1", "00:10:00", "ControlPlane:HeartbeatInterval")]
    public void Invalid_host_id_or_heartbeat_interval_is_refused_at_start_naming_the_setting(string hostId, string interval, string setting)
    {
        var options = Options();
        options.HostId = hostId;
        options.HeartbeatInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture);

        var result = new ControlPlaneOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Heartbeat_off_and_the_default_host_id_from_the_machine_name_are_valid()
    {
        var options = Options();
        options.HostId = "";
        options.HeartbeatInterval = TimeSpan.Zero;

        Assert.True(new ControlPlaneOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(MediaHostIds.IsValid(options.EffectiveHostId));
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        private readonly List<(Uri Uri, byte[] Body, string Authorization)> _requests = [];

        public IReadOnlyList<(Uri Uri, byte[] Body, string Authorization)> Requests
        {
            get { lock (_requests) return [.. _requests]; }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            lock (_requests)
            {
                _requests.Add((request.RequestUri!, body, request.Headers.Authorization!.ToString()));
            }
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
