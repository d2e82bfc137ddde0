using VoiceFunctions.MediaHost.Codecs;

namespace VoiceFunctions.MediaHost.Tests.Codecs;

public class OpusTests
{
    /// <summary>Opus is perceptual, not waveform-exact; at 32 kbit/s a clean 1 kHz tone still comes back above this SNR.</summary>
    private const double MinToneSnrDb = 20;

    private static short[] RoundTrip(OpusCodec codec, short[] input, out int totalBytes)
    {
        var decoded = new short[input.Length];
        var payload = new byte[OpusCodec.MaxPayloadBytes];
        totalBytes = 0;
        for (var offset = 0; offset < input.Length; offset += 960)
        {
            var bytes = codec.Encode(input.AsSpan(offset, 960), payload);
            totalBytes += bytes;
            Assert.Equal(960, codec.Decode(payload.AsSpan(0, bytes), decoded.AsSpan(offset, 960)));
        }
        return decoded;
    }

    [Fact]
    public void Round_trip_keeps_a_1_kHz_tone_above_the_stated_SNR()
    {
        var tone = ToneAnalysis.Tone(1000, 48000, 48000, 10000);
        var decoded = RoundTrip(new OpusCodec(), tone, out _);
        var fit = ToneAnalysis.Fit(decoded.AsSpan(9600), 1000, 48000);
        Assert.InRange(fit.Amplitude, 8000, 12000);
        Assert.True(fit.SnrDb >= MinToneSnrDb, $"SNR {fit.SnrDb:F1} dB < {MinToneSnrDb} dB");
    }

    [Theory]
    [InlineData(16_000)]
    [InlineData(64_000)]
    public void Bitrate_setting_controls_the_payload_size(int bitrate)
    {
        var tone = ToneAnalysis.Tone(440, 48000, 48000, 8000);
        RoundTrip(new OpusCodec(bitrate), tone, out var totalBytes);
        var measured = totalBytes * 8.0; // one second of audio
        Assert.InRange(measured, bitrate * 0.5, bitrate * 1.3);
    }

    [Fact]
    public void Lost_packet_is_concealed_by_the_codec_with_sound_not_silence()
    {
        var codec = new OpusCodec();
        var tone = ToneAnalysis.Tone(500, 48000, 48000, 10000);
        RoundTrip(codec, tone, out _);
        var concealed = new short[960];
        Assert.Equal(960, codec.Conceal(concealed));
        Assert.True(ToneAnalysis.Rms(concealed) > 1000, "Opus PLC continues the tone");
    }

    [Fact]
    public void Bitrate_out_of_range_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpusCodec(1000));
    }
}
