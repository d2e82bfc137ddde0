namespace VoiceFunctions.MediaHost.Codecs;

/// <summary>
/// ITU-T G.722 decoder, 64 kbit/s mode: each byte gives a 6-bit low-band and a 2-bit high-band ADPCM code,
/// decoded and recombined by the receive QMF into two 16 kHz samples. Stateful; allocates nothing per frame.
/// </summary>
public sealed class G722Decoder
{
    private readonly int[] _qmfHistory = new int[24];
    private readonly G722Band _low = new(32);
    private readonly G722Band _high = new(8);

    /// <summary>Decodes <paramref name="encoded"/> into 16 kHz samples (two per byte); returns the sample count.</summary>
    public int Decode(ReadOnlySpan<byte> encoded, Span<short> pcm)
    {
        if (pcm.Length < encoded.Length * 2)
        {
            throw new ArgumentException("The destination holds fewer samples than twice the byte count.", nameof(pcm));
        }
        var count = 0;
        foreach (var code in encoded)
        {
            var low = DecodeLow(code & 0x3F);
            var high = DecodeHigh(code >> 6);
            MergeBands(low, high, out pcm[count], out pcm[count + 1]);
            count += 2;
        }
        return count;
    }

    private int DecodeLow(int code)
    {
        // The output uses the full 6-bit code; adaptation uses the 4-bit truncation, as the encoder does.
        var output = Math.Clamp(_low.Estimate + ((_low.Scale * G722Tables.LowInverse6[code]) >> 15), -16384, 16383);
        var code4 = code >> 2;
        var quantized = (_low.Scale * G722Tables.LowInverse4[code4]) >> 15;
        _low.AdaptScale(G722Tables.LowLogScale[G722Tables.LowMagnitude[code4]], 18432, 8);
        _low.UpdatePredictor(quantized);
        return output;
    }

    private int DecodeHigh(int code)
    {
        var quantized = (_high.Scale * G722Tables.HighInverse[code]) >> 15;
        var output = Math.Clamp(quantized + _high.Estimate, -16384, 16383);
        _high.AdaptScale(G722Tables.HighLogScale[G722Tables.HighMagnitude[code]], 22528, 10);
        _high.UpdatePredictor(quantized);
        return output;
    }

    /// <summary>Receive QMF: interleaves the sum and difference of the bands and filters them back to 16 kHz.</summary>
    private void MergeBands(int low, int high, out short first, out short second)
    {
        var x = _qmfHistory.AsSpan();
        x[2..].CopyTo(x);
        x[22] = low + high;
        x[23] = low - high;
        var qmf = G722Tables.Qmf;
        var sum1 = 0;
        var sum2 = 0;
        for (var i = 0; i < 12; i++)
        {
            sum2 += x[2 * i] * qmf[i];
            sum1 += x[2 * i + 1] * qmf[11 - i];
        }
        first = (short)G722Band.Saturate(sum1 >> 11);
        second = (short)G722Band.Saturate(sum2 >> 11);
    }
}
