using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Hosting;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.MediaHost.Tests.Sip.Interop;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Sip.Hosting;

/// <summary>The hosted service on real loopback sockets: UDP answered by sipp, TCP framed from fragments, drain on stop.</summary>
public sealed class SipHostedServiceTests
{
    private static SipHostedService Create(SipMetrics metrics) => new(
        Options.Create(new SipOptions { BindAddress = "127.0.0.1", UdpPort = 0, TcpPort = 0, MediaBindAddress = "127.0.0.1", DrainTimeoutSeconds = 1 }),
        new HoldingMediaSessionFactory(IPAddress.Loopback, TimeProvider.System), new AnsweringCallHandler(), metrics, TimeProvider.System,
        NullLoggerFactory.Instance);

    [SkippableFact]
    public async Task The_service_answers_sipp_over_UDP_and_stops_cleanly()
    {
        using var metrics = new SipMetrics();
        using var service = Create(metrics);
        await service.StartAsync(CancellationToken.None);
        Assert.Equal(SipServiceState.Running, service.State);

        using (var sipp = Sipp.Start("uac-basic-call.xml", service.UdpEndpoint))
        {
            var (exitCode, output) = await sipp.WaitAsync();
            Assert.True(exitCode == 0, output);
        }
        await service.StopAsync(CancellationToken.None).DefaultTimeout();
        Assert.Equal(SipServiceState.Stopped, service.State);
        Assert.Contains("sip_calls_total 1", metrics.ToPrometheusText());
    }

    [Fact]
    public async Task A_request_over_TCP_in_fragments_is_answered_on_the_same_connection()
    {
        using var metrics = new SipMetrics();
        using var service = Create(metrics);
        await service.StartAsync(CancellationToken.None);
        using var client = new TcpClient();
        await client.ConnectAsync(service.TcpEndpoint!).DefaultTimeout();
        var stream = client.GetStream();
        var local = (IPEndPoint)client.Client.LocalEndPoint!;
        var request = Encoding.ASCII.GetBytes(
            $"OPTIONS sip:{service.TcpEndpoint} SIP/2.0\r\nVia: SIP/2.0/TCP {local};branch=z9hG4bK-tcp1\r\nMax-Forwards: 70\r\n" +
            $"From: <sip:probe@{local}>;tag=t1\r\nTo: <sip:{service.TcpEndpoint}>\r\nCall-ID: tcp-1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
        foreach (var chunk in request.Chunk(7))
        {
            await stream.WriteAsync(chunk);
            await stream.FlushAsync();
        }
        var buffer = new byte[4096];
        var text = new StringBuilder();
        while (!text.ToString().Contains("\r\n\r\n"))
        {
            var read = await stream.ReadAsync(buffer).AsTask().DefaultTimeout();
            Assert.True(read > 0, "connection closed before the response");
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        Assert.StartsWith("SIP/2.0 200 OK\r\n", text.ToString());
        Assert.Contains("Allow: INVITE", text.ToString());
        await service.StopAsync(CancellationToken.None).DefaultTimeout();
    }
}
