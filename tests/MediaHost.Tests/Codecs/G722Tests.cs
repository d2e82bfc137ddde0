using VoiceFunctions.MediaHost.Codecs;

namespace VoiceFunctions.MediaHost.Tests.Codecs;

public class G722Tests
{
    /// <summary>A 64 kbit/s G.722 round trip of a clean tone keeps well above this SNR (ITU quality is ~40 dB+ for tones).</summary>
    private const double MinToneSnrDb = 30;

    [Fact]
    public void Encoder_output_matches_an_independent_G722_implementation_byte_for_byte()
    {
        var input = Golden.Samples("g722-sweep.s16");
        var encoded = new byte[input.Length / 2];
        var count = new G722Encoder().Encode(input, encoded);
        Assert.Equal(input.Length / 2, count);
        Assert.Equal(Golden.Bytes("g722-sweep.g722"), encoded);
    }

    [Fact]
    public void Decoder_output_matches_an_independent_G722_implementation_sample_for_sample()
    {
        var encoded = Golden.Bytes("g722-sweep.g722");
        var decoded = new short[encoded.Length * 2];
        var count = new G722Decoder().Decode(encoded, decoded);
        Assert.Equal(encoded.Length * 2, count);

        // The reference wraps around where the receive QMF's output overflows 16 bits; we saturate, as a
        // clipped sample is the correct output (a wrapped one is a full-scale click). Everything else is identical.
        var expected = Golden.Samples("g722-sweep.decoded.s16");
        var differences = Enumerable.Range(0, expected.Length).Where(i => expected[i] != decoded[i]).ToList();
        Assert.All(differences, i => Assert.True(
            (decoded[i] == short.MinValue && expected[i] > 0) || (decoded[i] == short.MaxValue && expected[i] < 0),
            $"sample {i}: ours {decoded[i]}, reference {expected[i]}"));
        Assert.True(differences.Count <= expected.Length / 1000, $"{differences.Count} samples differ");
    }

    [Fact]
    public void Round_trip_keeps_a_1_kHz_tone_above_the_stated_SNR_frame_by_frame()
    {
        var codec = new G722Codec();
        var tone = ToneAnalysis.Tone(1000, 16000, 16000, 10000);
        var decoded = new short[tone.Length];
        var payload = new byte[160];
        for (var offset = 0; offset < tone.Length; offset += 320)
        {
            var bytes = codec.Encode(tone.AsSpan(offset, 320), payload);
            Assert.Equal(160, bytes);
            codec.Decode(payload.AsSpan(0, bytes), decoded.AsSpan(offset, 320));
        }
        var fit = ToneAnalysis.Fit(decoded.AsSpan(1600), 1000, 16000); // after 100 ms of adaptation
        Assert.InRange(fit.Amplitude, 9000, 11000);
        Assert.True(fit.SnrDb >= MinToneSnrDb, $"SNR {fit.SnrDb:F1} dB < {MinToneSnrDb} dB");
    }

    [Fact]
    public void Rtp_clock_is_8000_while_audio_is_16_kHz()
    {
        Assert.Equal(8000, AudioCodecInfo.G722.ClockRate);
        Assert.Equal(320, AudioCodecInfo.G722.SamplesPerFrame(20));
        Assert.Equal(160, AudioCodecInfo.G722.TimestampUnitsPerFrame(20));
    }

    [Fact]
    public void Encoder_rejects_an_odd_sample_count()
    {
        Assert.Throws<ArgumentException>(() => new G722Encoder().Encode(new short[3], new byte[2]));
    }
}
