namespace VoiceFunctions.MediaHost.Codecs;

/// <summary>
/// The adaptive state of one G.722 sub-band: the pole-zero predictor (block 4: 2 poles, 6 zeros) and the
/// logarithmic scale factor (block 3). Encoder and decoder run the same updates, so they stay in step.
/// </summary>
internal sealed class G722Band
{
    private readonly int[] _zeroCoefficients = new int[7];   // b1..b6
    private readonly int[] _differences = new int[7];        // d(n-1)..d(n-6), quantized differences
    private readonly int[] _poleCoefficients = new int[3];   // a1, a2
    private readonly int[] _reconstructed = new int[3];      // r(n-1), r(n-2)
    private readonly int[] _partial = new int[3];            // p(n-1), p(n-2): zero-predicted partial signal

    private int _zeroPrediction;   // SZ
    private int _logScale;         // NB (log domain)

    /// <summary>The signal estimate S for the next sample.</summary>
    public int Estimate { get; private set; }

    /// <summary>The linear scale factor (DET).</summary>
    public int Scale { get; private set; }

    public G722Band(int initialScale)
    {
        Scale = initialScale;
    }

    /// <summary>Block 3: adapts the log scale factor and converts it back to linear.</summary>
    public void AdaptScale(int logMultiplier, int maxLog, int shiftBase)
    {
        var log = ((_logScale * 127) >> 7) + logMultiplier;
        _logScale = Math.Clamp(log, 0, maxLog);
        var fraction = (_logScale >> 6) & 31;
        var shift = shiftBase - (_logScale >> 11);
        var linear = shift < 0
            ? G722Tables.InverseLog[fraction] << -shift
            : G722Tables.InverseLog[fraction] >> shift;
        Scale = linear << 2;
    }

    /// <summary>Block 4: updates the predictor with the quantized difference and computes the next estimate.</summary>
    public void UpdatePredictor(int difference)
    {
        var reconstructed = Saturate(Estimate + difference);
        var partial = Saturate(_zeroPrediction + difference);

        // Second pole coefficient (UPPOL2): leaks towards 0, nudged by sign agreement of p(n), p(n-1), p(n-2).
        var sign0 = partial >> 15;
        var sign1 = _partial[1] >> 15;
        var sign2 = _partial[2] >> 15;
        var wd1 = Saturate(_poleCoefficients[1] << 2);
        var wd2 = sign0 == sign1 ? -wd1 : wd1;
        wd2 = Math.Min(wd2, 32767);
        var a2 = (wd2 >> 7) + (sign0 == sign2 ? 128 : -128) + ((_poleCoefficients[2] * 32512) >> 15);
        a2 = Math.Clamp(a2, -12288, 12288);

        // First pole coefficient (UPPOL1), limited so the predictor stays stable.
        var a1 = Saturate((sign0 == sign1 ? 192 : -192) + ((_poleCoefficients[1] * 32640) >> 15));
        var limit = Saturate(15360 - a2);
        a1 = Math.Clamp(a1, -limit, limit);

        // Zero coefficients (UPZERO): sign-sign adaptation with leakage.
        var step = difference == 0 ? 0 : 128;
        var differenceSign = difference >> 15;
        for (var i = 6; i > 0; i--)
        {
            var agree = (_differences[i] >> 15) == differenceSign;
            _zeroCoefficients[i] = Saturate((agree ? step : -step) + ((_zeroCoefficients[i] * 32640) >> 15));
        }

        // Delay lines (DELAYA / DELAYL).
        for (var i = 6; i > 1; i--)
        {
            _differences[i] = _differences[i - 1];
        }
        _differences[1] = difference;
        _reconstructed[2] = _reconstructed[1];
        _reconstructed[1] = reconstructed;
        _partial[2] = _partial[1];
        _partial[1] = partial;
        _poleCoefficients[1] = a1;
        _poleCoefficients[2] = a2;

        // Pole (FILTEP) and zero (FILTEZ) predictor outputs, then the estimate (PREDIC).
        var pole1 = (_poleCoefficients[1] * Saturate(_reconstructed[1] + _reconstructed[1])) >> 15;
        var pole2 = (_poleCoefficients[2] * Saturate(_reconstructed[2] + _reconstructed[2])) >> 15;
        var polePrediction = Saturate(pole1 + pole2);
        var zeroPrediction = 0;
        for (var i = 6; i > 0; i--)
        {
            zeroPrediction += (_zeroCoefficients[i] * Saturate(_differences[i] + _differences[i])) >> 15;
        }
        _zeroPrediction = Saturate(zeroPrediction);
        Estimate = Saturate(polePrediction + _zeroPrediction);
    }

    public static int Saturate(int value) => Math.Clamp(value, short.MinValue, short.MaxValue);
}
