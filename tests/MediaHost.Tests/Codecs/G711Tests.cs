using VoiceFunctions.MediaHost.Codecs;

namespace VoiceFunctions.MediaHost.Tests.Codecs;

public class G711Tests
{
    private static short[] EveryInt16()
    {
        var ramp = new short[65536];
        for (var i = 0; i < ramp.Length; i++)
        {
            ramp[i] = (short)(i - 32768);
        }
        return ramp;
    }

    [Fact]
    public void MuLaw_encoding_of_every_16_bit_sample_matches_the_sox_golden_file_byte_for_byte()
    {
        var encoded = new byte[65536];
        MuLaw.Encode(EveryInt16(), encoded);
        Assert.Equal(Golden.Bytes("ramp16.ul"), encoded);
    }

    [Fact]
    public void ALaw_encoding_of_every_16_bit_sample_matches_the_sox_golden_file_byte_for_byte()
    {
        var encoded = new byte[65536];
        ALaw.Encode(EveryInt16(), encoded);
        Assert.Equal(Golden.Bytes("ramp16.al"), encoded);
    }

    [Theory]
    [InlineData("codes.ul.s16", true)]
    [InlineData("codes.al.s16", false)]
    public void Decoding_all_256_codes_matches_the_G711_expansion_table(string golden, bool muLaw)
    {
        var codes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var decoded = new short[256];
        if (muLaw) MuLaw.Decode(codes, decoded); else ALaw.Decode(codes, decoded);
        Assert.Equal(Golden.Samples(golden), decoded);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_decoded_level_encodes_back_to_the_same_level(bool muLaw)
    {
        for (var code = 0; code < 256; code++)
        {
            var level = muLaw ? MuLaw.Decode((byte)code) : ALaw.Decode((byte)code);
            var again = muLaw ? MuLaw.Decode(MuLaw.Encode(level)) : ALaw.Decode(ALaw.Encode(level));
            Assert.Equal(level, again);
        }
    }

    [Fact]
    public void Codec_conceals_a_lost_frame_with_a_fading_repeat_then_silence()
    {
        var codec = G711Codec.CreateMuLaw();
        var tone = ToneAnalysis.Tone(1000, 8000, 160, 8000);
        var payload = new byte[160];
        var pcm = new short[160];
        codec.Decode(payload[..codec.Encode(tone, payload)], pcm);

        var concealed = new short[160];
        var energies = new List<double>();
        for (var i = 0; i < FadingRepeatConcealer.FadeFrames + 1; i++)
        {
            Assert.Equal(160, codec.Conceal(concealed));
            energies.Add(ToneAnalysis.Rms(concealed));
        }
        Assert.True(energies[0] > 0.5 * ToneAnalysis.Rms(pcm), "the first concealed frame carries the last sound");
        Assert.True(energies[1] < energies[0] && energies[2] < energies[1], "it fades");
        Assert.Equal(0, energies[3]);
    }

    [Fact]
    public void Encode_rejects_a_destination_shorter_than_the_input()
    {
        Assert.Throws<ArgumentException>(() => MuLaw.Encode(new short[160], new byte[159]));
        Assert.Throws<ArgumentException>(() => ALaw.Decode(new byte[160], new short[10]));
    }
}
