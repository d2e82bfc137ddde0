using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.Benchmarks.Agent;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Agent.FrontEnd;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Providers.Recognition;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.TestSupport.LineSimulation;

namespace VoiceFunctions.Benchmarks.FrontEnd;

/// <summary>One line: the echo path the peer adds, and the caller's level against the echo (null: the caller stays silent).</summary>
/// <param name="NoiseSnrDb">Pink noise on the caller's side at this SNR against a −26 dBFS caller (a normal
/// talker's level), or null for a quiet line.</param>
/// <param name="ConfirmationMs">The agent's <c>BargeIn:ConfirmationMs</c>, or null for its default.</param>
public sealed record RtpBargeInCase(int EchoDelayMs, double EchoReturnLossDb, double? CallerRelativeToEchoDb, double? NoiseSnrDb = null, int? ConfirmationMs = null);

/// <summary>What one call showed: whether the agent stopped for the caller, how often it stopped or answered when
/// only its own echo came back, and how long after the caller started the agent's audio stopped arriving.</summary>
/// <param name="LateEchoPackets">The MediaHost's packets that reached the peer after their playout slot (echo missing
/// from the line: the peer's or the host's threads were starved).</param>
/// <param name="HostConcealedFrames">Frames the MediaHost's jitter buffer concealed (the peer's audio late or lost).</param>
/// <param name="DecidedAfterMs">From the caller's first slot to the agent's barge-in decision (the rest of
/// <paramref name="SilentOnTheWireMs"/> is the way from the decision to the wire).</param>
/// <param name="JitterDelayMs">The MediaHost's jitter buffer's playout delay at the end of the call.</param>
public sealed record RtpBargeInResult(RtpBargeInCase Case, bool GreetingInterrupted, int FalseBargeIns, double? SilentOnTheWireMs, double AgentSpeechSeconds,
    int LateEchoPackets = 0, long HostConcealedFrames = 0, double? DecidedAfterMs = null, int JitterDelayMs = 0);

/// <summary>
/// A whole agent call over real RTP on loopback: the MediaHost's RTP session and media clock, the composed
/// <see cref="Call"/> (its SIP leg a double), the agent with the speexdsp front-end and the Silero VAD (as the host
/// registers them), espeak-ng speaking a long greeting,
/// and <see cref="LineEchoRtpPeer"/> returning that greeting as line echo — with, in barge-in cases, the caller's
/// espeak-ng voice 3 s into it. Shared by the tests (which assert on it) and the bench (which records it).
/// </summary>
public static class RtpBargeInScenario
{
    public const string Greeting = "Hello, and thank you for calling the city library. Our opening hours are from nine in the morning " +
        "until seven in the evening on weekdays, and from ten until four on Saturdays. How can I help you today?";

    private const string CallerWords = "Sorry, I only want to renew a book.";
    private const double LoudDbfs = -50;

    /// <param name="dumpPath">When set, the frames the front-end was given are written to <c>dumpPath.far.raw</c> and
    /// <c>.near.raw</c> for <see cref="BargeInReplay"/>, and the frame at which the caller started to <c>.txt</c>.</param>
    /// <param name="reflector">true: the peer answers each of the host's packets at once (<see cref="LineEchoRtpPeer"/>'s
    /// reflector mode: the echo path exact under any load, for the tests); false: it sends on its own clock, as a phone.</param>
    public static async Task<RtpBargeInResult> RunAsync(RtpBargeInCase line, CancellationToken cancellationToken = default, string? dumpPath = null, bool reflector = false)
    {
        var time = TimeProvider.System;
        await using var clock = new MediaClock(time);
        clock.Start();
        var portMin = 41_000 + Random.Shared.Next(0, 2_000) * 2;
        var factory = new RtpMediaSessionFactory(UdpDatagramSocket.Factory, IPAddress.Loopback, new RtpOptions { PortMin = portMin, PortMax = portMin + 400 },
            clock, time, new MediaMetrics());
        await using var peer = new LineEchoRtpPeer(line.EchoDelayMs, line.EchoReturnLossDb, line.NoiseSnrDb is { } snr ? PinkNoise(snr) : null, reflector);
        var media = factory.TryAllocate("bargein-rtp") ?? throw new InvalidOperationException("no RTP port free on loopback");
        await using var _ = media;
        var codec = MediaCodec.Pcmu;
        media.Start(new NegotiatedMedia(peer.Endpoint, codec, codec.PayloadType, null, 20, MediaDirection.SendReceive));
        var hostPort = ((RtpMediaSession)media).LocalEndpoint;
        peer.Start(hostPort);

        var leg = new ConnectedSignallingDouble("bargein-rtp");
        var call = new Call(leg, media, new SipCallParties("+15550000001", "+15550000002", new Dictionary<string, string>()));
        var turns = new TurnCollector();
        var options = new AiLoopOptions { Language = "en-US", ProviderTimeoutSeconds = 30, Phrases = { Greeting = Greeting } };
        if (line.ConfirmationMs is { } confirmation)
        {
            options.BargeIn.ConfirmationMs = confirmation;
        }
        RecordingFrontEnd? recorder = null;
        var wire = dumpPath is null ? null : new WireTapRecorder();
        if (wire is not null)
        {
            call.AttachAudioTap(wire);
        }
        var decisions = new BargeInDecisionLog(() => peer.NowMs);
        var agent = new AgentSession(call, options, Dependencies(turns, decisions, dumpPath is null ? null : inner => recorder = new RecordingFrontEnd(inner)));
        var run = agent.RunAsync(cancellationToken);

        var greetingStart = await WhenAsync<double>(() => peer.Arrivals.FirstOrDefault(a => a.Dbfs > LoudDbfs).AtMs is > 0 and var at ? at : null, 15_000, cancellationToken);
        double? callerStart = null;
        if (line.CallerRelativeToEchoDb is { } relative)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0, greetingStart + 3_000 - peer.NowMs)), cancellationToken);
            callerStart = peer.Say(CallerSpeech(-19 - line.EchoReturnLossDb + relative));
            // Measured from the first packet that carried the caller (its slot on the peer's own clock can leave late).
            callerStart = await WhenAsync<double>(() => peer.CallerStartedAtMs is var at && !double.IsNaN(at) ? at : null, 5_000, cancellationToken);
            if (dumpPath is not null)
            {
                await File.WriteAllTextAsync(dumpPath + ".txt", $"caller said at frame {recorder?.Frames}{Environment.NewLine}", cancellationToken);
            }
        }
        // The call ends once the greeting turn is over (finished or interrupted: its record is in) and the agent has
        // then been silent for 2 s (the echo's tail heard out, or the caller's turn answered). Waiting for the record,
        // not only for 2 s of silence on the wire: on a saturated machine the agent's output stage was starved for
        // over 2 s 0.1 s into the greeting, and the call was ended mid-greeting as if it were over.
        await WhenAsync<bool>(() => turns.All.Any(t => t.Trigger == "greeting") && peer.NowMs - LastLoud(peer.Arrivals) > 2_000 && peer.NowMs > greetingStart + 4_000 ? true : (bool?)null, 60_000, cancellationToken);
        var concealed = ((RtpMediaSession)media).Inbound?.JitterBuffer.Statistics.Concealed ?? 0;
        var jitterDelay = ((RtpMediaSession)media).Inbound?.JitterBuffer.Statistics.TargetDelayMs ?? 0;
        leg.End();
        await run.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);

        if (dumpPath is not null)
        {
            recorder?.WriteTo(dumpPath);
            wire?.WriteTo(dumpPath);
        }
        var arrivals = peer.Arrivals;
        var records = turns.All;
        var greetingInterrupted = records.Any(t => t.Trigger == "greeting" && t.Interrupted);
        var falseBargeIns = callerStart is null ? records.Count(t => t.Interrupted || t.Trigger == "speech") : 0;
        var agentSpeech = arrivals.Count(a => a.Dbfs > LoudDbfs) * 0.02;
        var decidedAfter = callerStart is { } said && decisions.Decisions.FirstOrDefault(d => d.AtMs >= said) is { AtMs: > 0 } decision ? decision.AtMs - said : (double?)null;
        return new RtpBargeInResult(line, greetingInterrupted, falseBargeIns, callerStart is { } start && greetingInterrupted ? SilentAfter(arrivals, start) : null, agentSpeech,
            peer.LateEchoPackets, concealed, decidedAfter, jitterDelay);
    }

    /// <summary>Milliseconds from the caller's first slot to the last loud packet of the agent's that is followed by at
    /// least 400 ms without one (a pause between words is shorter), or by the end of the call.</summary>
    private static double SilentAfter(IReadOnlyList<(double AtMs, double Dbfs)> arrivals, double callerStartMs)
    {
        var loud = arrivals.Where(a => a.Dbfs > LoudDbfs).Select(a => a.AtMs).ToArray();
        var previous = callerStartMs;
        foreach (var at in loud.Where(t => t >= callerStartMs))
        {
            if (at - previous >= 400)
            {
                return previous - callerStartMs;
            }
            previous = at;
        }
        return previous - callerStartMs;
    }

    private static double LastLoud(IReadOnlyList<(double AtMs, double Dbfs)> arrivals) =>
        arrivals.LastOrDefault(a => a.Dbfs > LoudDbfs).AtMs;

    /// <summary>The caller's espeak-ng voice at <paramref name="dbfs"/>, at 8 kHz (pairs averaged: a crude low-pass
    /// that is enough for a telephone-band voice).</summary>
    private static short[] CallerSpeech(double dbfs)
    {
        var wide = SignalLevels.ScaleTo(SpeechSamples.Speak(CallerWords, "en-gb"), dbfs);
        var narrow = new short[wide.Length / 2];
        for (var i = 0; i < narrow.Length; i++)
        {
            narrow[i] = (short)((wide[2 * i] + wide[2 * i + 1]) / 2);
        }
        return narrow;
    }

    /// <summary>10 s of pink noise (looped by the peer) at <paramref name="snrDb"/> below a −26 dBFS caller.</summary>
    private static short[] PinkNoise(double snrDb) =>
        SignalLevels.ScaleTo(Noise.Pink(10 * 8000, seed: 11), NominalCallerDbfs - snrDb);

    private const double NominalCallerDbfs = -26;

    private static async Task<T> WhenAsync<T>(Func<T?> probe, int timeoutMs, CancellationToken cancellationToken) where T : struct
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (true)
        {
            if (probe() is { } value)
            {
                return value;
            }
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException($"The RTP barge-in call did not reach its next step within {timeoutMs} ms");
            }
            await Task.Delay(20, cancellationToken);
        }
    }

    /// <summary>The Silero model, loaded once per process when installed (else the agent's energy VAD stands in).</summary>
    private static readonly SileroVadFactory s_vad = new(new SileroVadOptions(), new VadOptions(), NullLogger<SileroVadFactory>.Instance);

    /// <summary>The voice activity detector the agent uses: "Silero" or "energy" (the model file is not installed).</summary>
    public static string Vad => s_vad.Model is null ? "energy" : "Silero";

    private static AgentDependencies Dependencies(ITurnReporter turns, ILogger logger, Func<IAudioFrontEnd, IAudioFrontEnd>? wrap = null)
    {
        wrap ??= frontEnd => frontEnd;
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        var tts = new EspeakSpeechDouble();
        return new AgentDependencies(new BatchRecognitionAdapter(new InstantSpeechToText(), "bench"), new InstantLanguageModel(), tts, new PhraseAudioCache(tts),
            TimeProvider.System, new AgentMetrics(meters), turns, logger, new HttpToolInvoker(new HttpClient(), [], TimeProvider.System),
            VoiceActivityDetectorFactory: s_vad.Create, AudioFrontEndFactory: () => wrap(new SpeexFrontEnd(new AudioFrontEndOptions())));
    }

    private sealed class TurnCollector : ITurnReporter
    {
        private readonly List<TurnRecord> _turns = [];

        public IReadOnlyList<TurnRecord> All
        {
            get
            {
                lock (_turns)
                {
                    return [.. _turns];
                }
            }
        }

        public ValueTask ReportAsync(TurnRecord turn, CancellationToken cancellationToken)
        {
            lock (_turns)
            {
                _turns.Add(turn);
            }
            return ValueTask.CompletedTask;
        }
    }
}
