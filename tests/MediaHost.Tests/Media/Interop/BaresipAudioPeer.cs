using VoiceFunctions.MediaHost.Tests.Support;

namespace VoiceFunctions.MediaHost.Tests.Media.Interop;

/// <summary>
/// Starts a <see cref="BaresipPeer"/> for the media tests: one codec only, a synthesized microphone, and sndfile
/// recording what it decodes. The source WAV lives in its own temporary folder, deleted with the peer.
/// </summary>
internal sealed class BaresipAudioPeer : IDisposable
{
    private readonly string _folder;

    private BaresipAudioPeer(BaresipPeer peer, string folder)
    {
        Peer = peer;
        _folder = folder;
    }

    public BaresipPeer Peer { get; }

    /// <summary>The sample rate the microphone samples must have for <paramref name="codec"/>.</summary>
    public static int SampleRateOf(string codec) => TestWav.FormatFor(codec).Rate;

    /// <summary>Starts baresip offering and accepting only <paramref name="codec"/>, playing <paramref name="microphone"/> (mono, at <see cref="SampleRateOf"/>).</summary>
    public static async Task<BaresipAudioPeer> StartAsync(string codec, short[] microphone, IReadOnlyList<string>? extraConfig = null, string accountParameters = "")
    {
        var (rate, channels) = TestWav.FormatFor(codec);
        var folder = Directory.CreateTempSubdirectory("baresip-source-").FullName;
        var source = Path.Combine(folder, "microphone.wav");
        TestWav.Write(source, microphone, rate, channels);
        try
        {
            var peer = await BaresipPeer.StartAsync(new BaresipPeerOptions
            {
                CodecModules = ["g711.so", "g722.so", "opus.so"],
                AudioCodecs = [SdpName(codec)],
                AudioSourceWav = source,
                RecordWithSndfile = true,
                ExtraConfig = extraConfig ?? [],
                AccountParameters = accountParameters,
            });
            return new BaresipAudioPeer(peer, folder);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    // baresip names codecs by their real sampling: G.722 is 16 kHz here, whatever its RTP clock says.
    private static string SdpName(string codec) => codec.ToUpperInvariant() switch
    {
        "PCMU" => "PCMU/8000/1",
        "PCMA" => "PCMA/8000/1",
        "G722" => "G722/16000/1",
        "OPUS" => "opus/48000/2",
        _ => throw new ArgumentException($"unknown codec '{codec}'", nameof(codec)),
    };

    public void Dispose()
    {
        Peer.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
