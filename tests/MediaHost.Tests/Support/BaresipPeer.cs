using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Support;

/// <summary>
/// A headless baresip (Debian baresip-core) for interop tests: config in a temporary home, SIP on a free loopback
/// port, G.711 (by default), the microphone from a WAV file or a sine tone, the speaker recorded to
/// <see cref="RecordingPath"/>, and remote control over ctrl_tcp (<see cref="Control"/>: dial, hangup, accept and
/// call events). Killed and cleaned up on Dispose.
/// </summary>
public sealed class BaresipPeer : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BaresipPeer(Process process, string home, IPEndPoint sip, BaresipPeerOptions options)
    {
        _process = process;
        Home = home;
        SipEndpoint = sip;
        Options = options;
    }

    public BaresipPeerOptions Options { get; }

    /// <summary>The temporary folder with baresip's config, accounts and the recorded audio.</summary>
    public string Home { get; }

    /// <summary>Where baresip listens for SIP (UDP and TCP).</summary>
    public IPEndPoint SipEndpoint { get; }

    /// <summary>baresip's address: call this URI to reach it.</summary>
    public string Uri => $"sip:{Options.User}@{SipEndpoint}";

    /// <summary>What baresip played out (the audio it received), as a WAV file written by the aufile player.</summary>
    public string RecordingPath => Path.Combine(Home, "received.wav");

    public BaresipControl Control { get; private set; } = null!;

    public bool HasExited => _process.HasExited;

    /// <summary>baresip's console output so far (codec choices, call progress), for assertions and failure messages.</summary>
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

    public static async Task<BaresipPeer> StartAsync(BaresipPeerOptions? options = null)
    {
        options ??= new BaresipPeerOptions();
        var baresip = RequiredTool.Command("baresip", "the Debian package baresip-core (scripts/install-test-deps.sh)");
        var home = Directory.CreateTempSubdirectory("baresip-").FullName;
        var sipPort = FreeSipPort();
        var controlPort = FreePort.Next();
        var rtpPort = FreeRtpPair();
        File.WriteAllText(Path.Combine(home, "config"), Config(options, home, sipPort, controlPort, rtpPort));
        File.WriteAllText(Path.Combine(home, "accounts"),
            $"<sip:{options.User}@127.0.0.1>;regint=0{(options.AutoAnswer ? ";answermode=auto" : "")}"
            + (options.AudioCodecs.Count > 0 ? ";audio_codecs=" + string.Join(',', options.AudioCodecs) : "") + options.AccountParameters + "\n");
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
        var peer = new BaresipPeer(process, home, new IPEndPoint(IPAddress.Loopback, sipPort), options);
        process.OutputDataReceived += (_, e) => peer.Append(e.Data);
        process.ErrorDataReceived += (_, e) => peer.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            peer.Control = await BaresipControl.ConnectAsync(controlPort, () => !process.HasExited, CancellationToken.None);
        }
        catch (Exception ex)
        {
            var output = peer.Output;
            peer.Dispose();
            throw new InvalidOperationException($"baresip did not open its control port: {ex.Message}\n{output}", ex);
        }
        return peer;
    }

    /// <summary>Places a call from baresip to <paramref name="uri"/>.</summary>
    public Task DialAsync(string uri) => Control.CommandAsync("dial", uri);

    /// <summary>Hangs up baresip's current call.</summary>
    public Task HangUpAsync() => Control.CommandAsync("hangup");

    /// <summary>Sends one DTMF key as RFC 4733 events (pressed and released at once), like a key on the phone.</summary>
    public Task SendDigitAsync(char digit) => Control.CommandAsync("sndcode", digit.ToString());

    /// <summary>What baresip decoded from the far end (first channel) and its rate, from sndfile's recording (<see cref="BaresipPeerOptions.RecordWithSndfile"/>).</summary>
    public (int Rate, short[] Samples) ReadRecording() => ReadDump("dec");

    /// <summary>What baresip encoded and sent (first channel) and its rate, from sndfile's recording.</summary>
    public (int Rate, short[] Samples) ReadSent() => ReadDump("enc");

    private (int Rate, short[] Samples) ReadDump(string side)
    {
        var file = Directory.GetFiles(Home, $"dump-*-{side}.wav").OrderBy(f => f, StringComparer.Ordinal).LastOrDefault()
            ?? throw new InvalidOperationException($"baresip recorded nothing (no dump-*-{side}.wav; is RecordWithSndfile on?):\n" + Output);
        var (rate, _, samples) = TestWav.Read(file);
        return (rate, samples);
    }

    /// <summary>Answers a ringing call (when <see cref="BaresipPeerOptions.AutoAnswer"/> is off).</summary>
    public Task AcceptAsync() => Control.CommandAsync("accept");

    private static string Config(BaresipPeerOptions options, string home, int sipPort, int controlPort, int rtpPort)
    {
        // The ausine source only runs at 44.1/48 kHz; a generated tone file works at G.711's 8 kHz.
        var source = options.AudioSourceWav ?? Path.Combine(home, "tone.wav");
        if (options.AudioSourceWav is null)
        {
            TestWav.WriteTone(source, options.SineHz, seconds: 10);
        }
        var lines = new List<string>
        {
            "poll_method epoll",
            // Loopback only: without this baresip advertises (and sends RTP from) the machine's first interface.
            "net_interface 127.0.0.1",
            $"sip_listen 127.0.0.1:{sipPort}",
            $"audio_player aufile,{Path.Combine(home, "received.wav")}",
            $"audio_source aufile,{source}",
            $"audio_alert aufile,{Path.Combine(home, "alert.wav")}",
            $"rtp_ports {rtpPort}-{rtpPort + 1}",
            "module_path /usr/lib/baresip/modules",
        };
        lines.AddRange(options.CodecModules.Select(m => "module " + m));
        if (options.RecordWithSndfile)
        {
            lines.AddRange(["module sndfile.so", $"snd_path {home}"]);
        }
        lines.AddRange(["module aufile.so", "module_app account.so", "module_app menu.so", "module_app ctrl_tcp.so",
            $"ctrl_tcp_listen 127.0.0.1:{controlPort}"]);
        lines.AddRange(options.ExtraConfig);
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>baresip's sip_listen takes UDP and TCP on the port and TLS on the port above it: all three must be free.</summary>
    private static int FreeSipPort()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(20_000, 60_000);
            if (CanBind(SocketType.Dgram, port) && CanBind(SocketType.Stream, port) && CanBind(SocketType.Stream, port + 1) || attempt > 50)
            {
                return port;
            }
        }
    }

    /// <summary>An even RTP port with its RTCP neighbour free.</summary>
    private static int FreeRtpPair()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(10_000, 19_999) & ~1;
            if (CanBind(SocketType.Dgram, port) && CanBind(SocketType.Dgram, port + 1) || attempt > 50)
            {
                return port;
            }
        }
    }

    private static bool CanBind(SocketType type, int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, type, type == SocketType.Dgram ? ProtocolType.Udp : ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

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

    /// <summary>Asks baresip to quit (so it finishes writing the recording) and waits for it to exit.</summary>
    public async Task QuitAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await Control.CommandAsync("quit").WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException)
            {
                // The control connection may close before the response: the exit below is what matters.
            }
            await _process.WaitForExitAsync().DefaultTimeout();
        }
    }

    public void Dispose()
    {
        Control?.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
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
