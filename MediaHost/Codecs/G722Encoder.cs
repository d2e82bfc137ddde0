namespace VoiceFunctions.MediaHost.Codecs;

/// <summary>
/// ITU-T G.722 encoder, 64 kbit/s mode: a 24-tap QMF splits 16 kHz audio into two 8 kHz sub-bands,
/// the low band is coded with 6-bit ADPCM and the high band with 2-bit ADPCM, one byte per pair of samples.
/// Stateful (one per call direction); allocates nothing per frame.
/// </summary>
public sealed class G722Encoder
{
    private readonly int[] _qmfHistory = new int[24];
    private readonly G722Band _low = new(32);
    private readonly G722Band _high = new(8);

    /// <summary>Encodes 16 kHz samples (an even count) to <paramref name="encoded"/>; returns the byte count.</summary>
    public int Encode(ReadOnlySpan<short> pcm, Span<byte> encoded)
    {
        if ((pcm.Length & 1) != 0)
        {
            throw new ArgumentException("G.722 encodes pairs of samples: the sample count must be even.", nameof(pcm));
        }
        if (encoded.Length < pcm.Length / 2)
        {
            throw new ArgumentException("The destination holds fewer bytes than half the sample count.", nameof(encoded));
        }
        var count = 0;
        for (var j = 0; j < pcm.Length; j += 2)
        {
            SplitBands(pcm[j], pcm[j + 1], out var low, out var high);
            var lowCode = EncodeLow(low);
            var highCode = EncodeHigh(high);
            encoded[count++] = (byte)((highCode << 6) | lowCode);
        }
        return count;
    }

    /// <summary>Transmit QMF: filters the last 24 input samples and keeps every other output of each band.</summary>
    private void SplitBands(short first, short second, out int low, out int high)
    {
        var x = _qmfHistory.AsSpan();
        x[2..].CopyTo(x);
        x[22] = first;
        x[23] = second;
        var qmf = G722Tables.Qmf;
        var sumOdd = 0;
        var sumEven = 0;
        for (var i = 0; i < 12; i++)
        {
            sumOdd += x[2 * i] * qmf[i];
            sumEven += x[2 * i + 1] * qmf[11 - i];
        }
        low = (sumEven + sumOdd) >> 14;
        high = (sumEven - sumOdd) >> 14;
    }

    private int EncodeLow(int sample)
    {
        var difference = G722Band.Saturate(sample - _low.Estimate);
        var magnitude = difference >= 0 ? difference : -(difference + 1);
        var q6 = G722Tables.Q6;
        var interval = 1;
        while (interval < 30 && magnitude >= (q6[interval] * _low.Scale) >> 12)
        {
            interval++;
        }
        var code = difference < 0 ? G722Tables.NegativeLowCodes[interval] : G722Tables.PositiveLowCodes[interval];

        // The predictor and scale adapt on the 4-bit truncated code, so 48/56 kbit/s decoders stay in step.
        var code4 = code >> 2;
        var quantized = (_low.Scale * G722Tables.LowInverse4[code4]) >> 15;
        _low.AdaptScale(G722Tables.LowLogScale[G722Tables.LowMagnitude[code4]], 18432, 8);
        _low.UpdatePredictor(quantized);
        return code;
    }

    private int EncodeHigh(int sample)
    {
        var difference = G722Band.Saturate(sample - _high.Estimate);
        var magnitude = difference >= 0 ? difference : -(difference + 1);
        var interval = magnitude >= (G722Tables.HighDecision * _high.Scale) >> 12 ? 2 : 1;
        var code = difference < 0 ? G722Tables.NegativeHighCodes[interval] : G722Tables.PositiveHighCodes[interval];
        var quantized = (_high.Scale * G722Tables.HighInverse[code]) >> 15;
        _high.AdaptScale(G722Tables.HighLogScale[G722Tables.HighMagnitude[code]], 22528, 10);
        _high.UpdatePredictor(quantized);
        return code;
    }
}
