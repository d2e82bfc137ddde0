using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using VoiceFunctions.MediaHost.Codecs;

namespace VoiceFunctions.MediaHost.Tests.Providers.Session;

/// <summary>
/// One call of a <see cref="CallerCrowd"/>: its SIP dialog (Call-ID, the host's To tag and Contact, the host's RTP
/// port), its own RTP socket on 127.0.0.1, and what crossed its wire: when each question's last voiced packet was
/// sent and when each voiced packet of the host arrived (a packet is voiced above <see cref="WireAnswer.VoicedDbfs"/>).
/// </summary>
internal sealed class LoadCall : IDisposable
{
    private readonly List<long> _voicedArrivals = [];

    public LoadCall(int index, int questions, int leadFrames)
    {
        Index = index;
        LeadFrames = leadFrames;
        QuestionStarts = new long[questions];
        QuestionEnds = new long[questions];
        Rtp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    }

    public int Index { get; }

    public string CallId => $"crowd-{Environment.ProcessId}-{Index}@127.0.0.1";

    /// <summary>Silent frames before the first question (the greeting plays; the calls' questions are spread in time).</summary>
    public int LeadFrames { get; }

    public Socket Rtp { get; } = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public int RtpPort => ((IPEndPoint)Rtp.LocalEndPoint!).Port;

    public int Status { get; set; }

    public string? To { get; set; }

    public string? Contact { get; set; }

    public IPEndPoint? HostMedia { get; set; }

    /// <summary>Timestamps (<see cref="Stopwatch.GetTimestamp"/>) of each question's first packet and last voiced packet sent.</summary>
    public long[] QuestionStarts { get; }

    /// <inheritdoc cref="QuestionStarts"/>
    public long[] QuestionEnds { get; }

    /// <summary>Reads the host's RTP until the socket closes, noting when each voiced PCMU packet arrived.</summary>
    public async Task ReceiveAsync()
    {
        var buffer = new byte[1500];
        var pcm = new short[1024];
        while (true)
        {
            int n;
            try
            {
                n = await Rtp.ReceiveAsync(buffer);
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException)
            {
                return;
            }
            var at = Stopwatch.GetTimestamp();
            if (n <= 12 || (buffer[1] & 0x7F) != 0 || n - 12 > pcm.Length)
            {
                continue;
            }
            var samples = MuLaw.Decode(buffer.AsSpan(12, n - 12), pcm);
            if (Dbfs(pcm.AsSpan(0, samples)) > WireAnswer.VoicedDbfs)
            {
                lock (_voicedArrivals)
                {
                    _voicedArrivals.Add(at);
                }
            }
        }
    }

    /// <summary>Each asked question's voice-to-voice on the wire: its last voiced packet sent → the host's first voiced
    /// packet after it and before the next question; null where the host did not answer in that window.</summary>
    public IEnumerable<TimeSpan?> VoiceToVoice(int asked)
    {
        long[] arrivals;
        lock (_voicedArrivals)
        {
            arrivals = [.. _voicedArrivals];
        }
        for (var q = 0; q < asked; q++)
        {
            var end = QuestionEnds[q];
            var next = q + 1 < asked ? QuestionStarts[q + 1] : long.MaxValue;
            var answer = arrivals.FirstOrDefault(a => a > end && a < next);
            yield return end == 0 || answer == 0 ? null : Stopwatch.GetElapsedTime(end, answer);
        }
    }

    public static double Dbfs(ReadOnlySpan<short> pcm)
    {
        double sum = 0;
        foreach (var sample in pcm)
        {
            sum += (double)sample * sample;
        }
        return 10 * Math.Log10(Math.Max(sum / Math.Max(pcm.Length, 1), 1e-9) / (32768.0 * 32768.0));
    }

    public void Dispose() => Rtp.Dispose();
}
