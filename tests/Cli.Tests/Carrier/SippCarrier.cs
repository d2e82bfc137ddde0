using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using VoiceFunctions.Cli.Tests.Support;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Cli.Tests.Carrier;

/// <summary>
/// sipp playing the carrier on loopback: it waits for one OPTIONS and answers it with the given status (200, a
/// 401 digest challenge, 403), over UDP or TCP. The scenario file is written by the test.
/// </summary>
public sealed class SippCarrier : IDisposable
{
    private readonly ToolProcess _sipp;

    private SippCarrier(ToolProcess sipp, int port)
    {
        _sipp = sipp;
        Port = port;
    }

    public int Port { get; }

    public static async Task<SippCarrier> StartAsync(int status, string reason, bool tcp)
    {
        var sipp = RequiredTool.Command("sipp", "scripts/install-test-deps.sh (Debian sip-tester)");
        var folder = Path.Combine(Path.GetTempPath(), "voicectl-sipp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var challenge = status == 401 ? "WWW-Authenticate: Digest realm=\"carrier.example\", nonce=\"4b2e1f\", algorithm=MD5\n" : "";
        var scenario = Path.Combine(folder, "options-uas.xml");
        File.WriteAllText(scenario, $"""
            <?xml version="1.0" encoding="ISO-8859-1" ?>
            <scenario name="carrier answering OPTIONS with {status}">
              <recv request="OPTIONS" crlf="true"/>
              <send>
                <![CDATA[
            SIP/2.0 {status} {reason}
            [last_Via:]
            [last_From:]
            [last_To:];tag=[pid]SIPpTag01[call_number]
            [last_Call-ID:]
            [last_CSeq:]
            {challenge}Allow: INVITE, ACK, BYE, CANCEL, OPTIONS
            Content-Length: 0

                ]]>
              </send>
            </scenario>
            """);
        var port = tcp ? FreePort.Next() : FreePort.NextUdp();
        var carrier = new SippCarrier(ToolProcess.Start(sipp, folder, "-sf", scenario, "-i", "127.0.0.1", "-p", port.ToString(), "-t", tcp ? "t1" : "u1", "-m", "1", "-nostdin", "-timeout", "30s"), port);
        await carrier.WaitListeningAsync(tcp);
        return carrier;
    }

    /// <summary>TCP: until a connection is accepted. UDP: until the port is taken (it cannot be bound any more).</summary>
    private async Task WaitListeningAsync(bool tcp)
    {
        if (tcp)
        {
            await _sipp.WaitForTcpListenerAsync(Port, "sipp");
            return;
        }
        var until = Stopwatch.StartNew();
        while (until.Elapsed < TimeSpan.FromSeconds(10) && !_sipp.HasExited)
        {
            try
            {
                using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                probe.Bind(new IPEndPoint(IPAddress.Loopback, Port));
            }
            catch (SocketException)
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new InvalidOperationException("sipp did not start listening on UDP port " + Port);
    }

    public void Dispose() => _sipp.Dispose();
}
