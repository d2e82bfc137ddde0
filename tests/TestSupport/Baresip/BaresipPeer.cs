using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VoiceFunctions.TestSupport.Baresip;

/// <summary>
/// The real baresip softphone (Debian baresip-core), headless, as a test peer on 127.0.0.1: its own config in a
/// temporary folder, SIP and RTP on free loopback ports, one account limited to one audio codec, auto-answer.
/// It plays a WAV we synthesize (aufile; baresip hangs up when that file ends, so give it enough silence at the
/// end), records what it decodes to a WAV (sndfile), and is scripted over ctrl_tcp (dial, hang up, DTMF) whose
/// events tell the test what happened. Killed and deleted on dispose.
/// </summary>
public sealed class BaresipPeer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BaresipPeer(Process process, string home, int sipPort, int rtpPort, BaresipControl? control)
    {
        _process = process;
        Home = home;
        SipPort = sipPort;
        RtpPort = rtpPort;
        Control = control!;
    }

    /// <summary>The temporary folder holding config, accounts, the source WAV and the recordings.</summary>
    public string Home { get; }

    public int SipPort { get; }

    /// <summary>The one RTP port baresip may use (RTCP is the next one).</summary>
    public int RtpPort { get; }

    /// <summary>Where to send an INVITE to reach this peer.</summary>
    public string Uri => $"sip:peer@127.0.0.1:{SipPort}";

    public IPEndPoint SipEndpoint => new(IPAddress.Loopback, SipPort);

    public BaresipControl Control { get; private set; }

    /// <summary>baresip's console output so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts baresip offering and accepting only <paramref name="codec"/> ("PCMU", "PCMA", "G722" or "opus"),
    /// with <paramref name="source"/> as its microphone: mono samples at <see cref="SampleRateOf"/> the codec.
    /// </summary>
    public static async Task<BaresipPeer> StartAsync(string codec, short[] source, string? extraAccountParameters = null)
    {
        var baresip = RequiredTool.Command("baresip", "the Debian package baresip-core (scripts/install-test-deps.sh)");
        var (rate, channels, sdpName) = FormatOf(codec);
        var home = Directory.CreateTempSubdirectory("baresip-").FullName;
        var sipPort = FreeUdpPort();
        var rtpPort = FreeRtpPair();
        var controlPort = FreePort.Next();
        WavAudio.Write(Path.Combine(home, "source.wav"), source, rate, channels);
        File.WriteAllText(Path.Combine(home, "config"), string.Join('\n',
            "poll_method epoll",
            "net_interface 127.0.0.1",
            $"sip_listen 127.0.0.1:{sipPort}",
            $"rtp_ports {rtpPort}-{rtpPort + 1}",
            $"audio_source aufile,{Path.Combine(home, "source.wav")}",
            // baresip 1.0.0 has no file player; with no player it still decodes every packet and sndfile records it.
            $"audio_player aufile,{Path.Combine(home, "none.wav")}",
            $"audio_alert aufile,{Path.Combine(home, "none.wav")}",
            "module_path /usr/lib/baresip/modules",
            "module g711.so",
            "module g722.so",
            "module opus.so",
            "module aufile.so",
            "module sndfile.so",
            $"snd_path {home}",
            "module_app account.so",
            "module_app menu.so",
            "module_app ctrl_tcp.so",
            $"ctrl_tcp_listen 127.0.0.1:{controlPort}",
            ""));
        File.WriteAllText(Path.Combine(home, "accounts"),
            $"<sip:peer@127.0.0.1:{sipPort}>;regint=0;answermode=auto;audio_codecs={sdpName}{extraAccountParameters}\n");

        var info = new ProcessStartInfo(baresip)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = home,
        };
        info.ArgumentList.Add("-f");
        info.ArgumentList.Add(home);
        var process = Process.Start(info)!;
        var peer = new BaresipPeer(process, home, sipPort, rtpPort, null);
        process.OutputDataReceived += (_, e) => peer.Append(e.Data);
        process.ErrorDataReceived += (_, e) => peer.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            peer.Control = await BaresipControl.ConnectAsync(controlPort, () => !process.HasExited, TimeSpan.FromSeconds(20));
        }
        catch
        {
            await peer.DisposeAsync();
            throw new InvalidOperationException("baresip did not start:\n" + peer.Output);
        }
        return peer;
    }

    /// <summary>The sample rate baresip's source and recording use for <paramref name="codec"/>.</summary>
    public static int SampleRateOf(string codec) => FormatOf(codec).Rate;

    /// <summary>Calls <paramref name="uri"/>; the call's progress arrives as events.</summary>
    public Task DialAsync(string uri) => Control.CommandAsync("dial", uri);

    public Task HangUpAsync() => Control.CommandAsync("hangup");

    /// <summary>Sends one DTMF key as RFC 4733 events (press and release), like a key pressed on the phone.</summary>
    public Task SendDigitAsync(char digit) => Control.CommandAsync("sndcode", digit.ToString());

    /// <summary>Waits until the current call is closed (by either side), so its recording is complete.</summary>
    public Task WaitForCallClosedAsync(TimeSpan timeout) => Control.WaitForEventAsync("CALL_CLOSED", timeout);

    /// <summary>What baresip decoded from the far end (first channel) and its sample rate, from sndfile's recording.</summary>
    public (int Rate, short[] Samples) ReadRecording() => ReadDump("dec");

    /// <summary>What baresip encoded and sent (first channel), from sndfile's recording of its microphone side.</summary>
    public (int Rate, short[] Samples) ReadSent() => ReadDump("enc");

    private (int Rate, short[] Samples) ReadDump(string side)
    {
        var file = Directory.GetFiles(Home, $"dump-*-{side}.wav").OrderBy(f => f, StringComparer.Ordinal).LastOrDefault()
            ?? throw new InvalidOperationException($"baresip recorded nothing (no dump-*-{side}.wav):\n" + Output);
        var (rate, _, samples) = WavAudio.Read(file);
        return (rate, samples);
    }

    private static (int Rate, int Channels, string SdpName) FormatOf(string codec) => codec.ToUpperInvariant() switch
    {
        "PCMU" => (8000, 1, "PCMU/8000/1"),
        "PCMA" => (8000, 1, "PCMA/8000/1"),
        // G.722 samples at 16 kHz, though SDP names it with the historical 8000 clock rate.
        "G722" => (16000, 1, "G722/16000/1"),
        // baresip's Opus encoder and recorder run at 48 kHz stereo, whatever the stream carries.
        "OPUS" => (48000, 2, "opus/48000/2"),
        _ => throw new ArgumentException($"baresip is set up here for PCMU, PCMA, G722 or opus, not '{codec}'", nameof(codec)),
    };

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    // An even port whose odd neighbour is free too, for baresip's RTP and RTCP.
    private static int FreeRtpPair()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = 30000 + 2 * Random.Shared.Next(0, 4500);
            try
            {
                using var rtp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                using var rtcp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                rtp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                rtcp.Bind(new IPEndPoint(IPAddress.Loopback, port + 1));
                return port;
            }
            catch (SocketException) when (attempt < 50)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Control?.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        _process.Dispose();
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
