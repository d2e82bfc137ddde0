using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.MediaHost.Agent.FrontEnd;

/// <summary>
/// The caller-audio front-end (configuration section "AudioFrontEnd"): speexdsp echo cancellation against the agent's
/// own frames, residual echo and noise suppression, gain control. docs/audio-front-end.md explains how to tune it.
/// </summary>
public sealed class AudioFrontEndOptions
{
    public const string SectionName = "AudioFrontEnd";

    /// <summary>Runs the front-end on every phone call. Default true: phone lines return the agent's own voice 6–20 dB
    /// down, and without cancellation the agent interrupts itself. False gives the pass-through front-end.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Longest echo delay the front-end looks for, in ms, as it reaches the front-end. Default 600 ms: real lines
    /// return the echo 20–300 ms late (the carrier's jitter buffers, codecs, the network), and our own jitter buffer
    /// adds 20–200 ms more (<c>JitterBufferOptions.MaxDelayMs</c>) when the caller's packets jitter — over RTP on a
    /// loaded machine a 240 ms line reached the front-end 380–500 ms late, past the old 400. The bulk delay is found by
    /// correlation and the agent's audio is delayed to match, so this costs memory and a few multiply-adds per lag, not
    /// filter length.</summary>
    [Range(0, 1_000)]
    public int MaxEchoDelayMs { get; set; } = 600;

    /// <summary>Length of the echo canceller's adaptive filter after the bulk delay is taken out, in ms. Default 80 ms:
    /// a quarter of it reaches before the estimated delay (the estimate's error), the rest (60 ms) covers the hybrid's
    /// and handset's dispersion. Longer filters converge more slowly on speech and cost CPU in proportion (measured
    /// against 120 ms: ERLE 1–2 s after the start 35 dB against 21 dB at 300 ms delay, the same once converged).</summary>
    [Range(40, 1_000)]
    public int EchoTailMs { get; set; } = 80;

    /// <summary>Greatest attenuation of stationary noise, in dB (applied as −dB). Default 25 dB (measured: white and pink
    /// noise come out 22–27 dB lower): takes car and street hiss down to where the VAD ignores it without the
    /// "underwater" sound of deeper suppression. 0 switches denoise off.</summary>
    [Range(0, 60)]
    public int NoiseSuppressionDb { get; set; } = 25;

    /// <summary>Greatest attenuation of residual echo while only the agent talks, in dB. Default 40 dB (speexdsp's own):
    /// what the linear canceller leaves is removed almost entirely when the caller is silent.</summary>
    [Range(0, 90)]
    public int EchoSuppressionDb { get; set; } = 40;

    /// <summary>Greatest attenuation of residual echo while the caller talks over the agent, in dB. Default 15 dB:
    /// gentler, so the caller's words in double talk are kept.</summary>
    [Range(0, 90)]
    public int EchoSuppressionActiveDb { get; set; } = 15;

    /// <summary>Automatic gain control of the caller's speech (speexdsp's). Default false: speexdsp's AGC also adapts on
    /// the echo left while the canceller converges and lifts it, which is what makes agents interrupt themselves
    /// (measured: 12 dB of AGC gain took the converged ERLE from 31.6 to 19.9 dB). Switch it on for lines with quiet
    /// callers and little echo.</summary>
    public bool AgcEnabled { get; set; }

    /// <summary>The speech level the AGC aims at, as an RMS sample value (full scale 32767). Default 6000 (about −15 dBFS):
    /// a normal telephone talker, leaving headroom for shouting.</summary>
    [Range(500, 30_000)]
    public int AgcLevel { get; set; } = 6_000;

    /// <summary>Most gain the AGC may apply, in dB. Default 12 dB: lifts a quiet handset caller; more also lifts what is
    /// left of the echo before the canceller has converged.</summary>
    [Range(0, 40)]
    public int AgcMaxGainDb { get; set; } = 12;

    /// <summary>Speech probability (percent) above which speexdsp's VAD says the caller started to speak. Default 50:
    /// calmer than speexdsp's 35 against residual echo and babble.</summary>
    [Range(1, 99)]
    public int VadStartProbabilityPercent { get; set; } = 50;

    /// <summary>Speech probability (percent) that keeps an utterance going once started. Default 30.</summary>
    [Range(1, 99)]
    public int VadContinueProbabilityPercent { get; set; } = 30;

    /// <summary>An agent frame above this level counts as playing (the echo reference is active), in dBFS.
    /// Default −55 dBFS: above the comfort noise and dither, below any speech.</summary>
    [Range(-90, -20)]
    public double FarEndActiveDbfs { get; set; } = -55;
}
