namespace VoiceFunctions.MediaHost.Tests.Support;

/// <summary>How a <see cref="BaresipPeer"/> is configured: its account, what it plays and which codecs it offers.</summary>
public sealed record BaresipPeerOptions
{
    /// <summary>The user part of baresip's own address (sip:User@127.0.0.1:port).</summary>
    public string User { get; init; } = "baresip";

    /// <summary>Answer incoming calls at once (the account's answermode=auto); otherwise wait for <c>accept</c>.</summary>
    public bool AutoAnswer { get; init; } = true;

    /// <summary>
    /// A WAV file (16-bit, at the negotiated codec's rate and channel count: 8 kHz mono for G.711, 16 kHz mono
    /// for G.722, 48 kHz stereo for Opus; see <see cref="TestWav.FormatFor"/>) baresip sends as its microphone (the aufile source); null: a generated
    /// ten-second tone at <see cref="SineHz"/>.
    /// </summary>
    public string? AudioSourceWav { get; init; }

    /// <summary>Frequency of the generated tone when no <see cref="AudioSourceWav"/> is given.</summary>
    public int SineHz { get; init; } = 440;

    /// <summary>Codec modules to load, in baresip's preference order (g711.so gives PCMU then PCMA).</summary>
    public IReadOnlyList<string> CodecModules { get; init; } = ["g711.so"];

    /// <summary>The account's codecs in preference order (e.g. ["PCMA/8000"]); empty: every loaded codec.</summary>
    public IReadOnlyList<string> AudioCodecs { get; init; } = [];

    /// <summary>
    /// Record what baresip decodes (and what it encodes) with its sndfile module, read back with
    /// <see cref="BaresipPeer.ReadRecording"/> and <see cref="BaresipPeer.ReadSent"/>. baresip 1.0.0 has no file
    /// player, so this is how a test hears what reached baresip.
    /// </summary>
    public bool RecordWithSndfile { get; init; }

    /// <summary>Extra lines appended to baresip's config file (e.g. "jitter_buffer_delay 1-5").</summary>
    public IReadOnlyList<string> ExtraConfig { get; init; } = [];

    /// <summary>Appended to the account line, e.g. ";mediaenc=srtp-mand" (SDES-SRTP required; needs "module srtp.so").</summary>
    public string AccountParameters { get; init; } = "";
}
