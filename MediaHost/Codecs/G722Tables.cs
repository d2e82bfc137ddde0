namespace VoiceFunctions.MediaHost.Codecs;

/// <summary>
/// The constants of ITU-T G.722 (64 kbit/s mode): QMF, quantizers, scale-factor tables. Static arrays, not
/// span properties: a collection expression of ints behind a property would allocate on every read.
/// </summary>
internal static class G722Tables
{
    /// <summary>Half of the 24-tap QMF (the filter is symmetric), in the order the even/odd taps are used.</summary>
    public static readonly int[] Qmf = [3, -11, 12, 32, -210, 951, 3876, -805, 362, -156, 53, -11];

    /// <summary>Low-band 6-bit quantizer decision levels (block 1L, Q6), relative to the scale factor.</summary>
    public static readonly int[] Q6 =
    [
        0, 35, 72, 110, 150, 190, 233, 276, 323, 370, 422, 473, 530, 587, 650, 714,
        786, 858, 940, 1023, 1121, 1219, 1339, 1458, 1612, 1765, 1980, 2195, 2557, 2919, 0, 0,
    ];

    /// <summary>Low-band codes for a negative difference, by quantizer interval.</summary>
    public static readonly int[] NegativeLowCodes =
    [
        0, 63, 62, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19,
        18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 0,
    ];

    /// <summary>Low-band codes for a positive difference, by quantizer interval.</summary>
    public static readonly int[] PositiveLowCodes =
    [
        0, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47,
        46, 45, 44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34, 33, 32, 0,
    ];

    /// <summary>Low-band log scale-factor multipliers (WL), by the 3-bit magnitude of the 4-bit code.</summary>
    public static readonly int[] LowLogScale = [-60, -30, 58, 172, 334, 538, 1198, 3042];

    /// <summary>Maps the 4-bit truncated low-band code to its 3-bit magnitude (RIL4 → IL4).</summary>
    public static readonly int[] LowMagnitude = [0, 7, 6, 5, 4, 3, 2, 1, 7, 6, 5, 4, 3, 2, 1, 0];

    /// <summary>The antilog table (ILB) used to turn the log scale factor into a linear one.</summary>
    public static readonly int[] InverseLog =
    [
        2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
        2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008,
    ];

    /// <summary>Low-band inverse quantizer for the 4-bit code that drives adaptation (QM4).</summary>
    public static readonly int[] LowInverse4 =
    [
        0, -20456, -12896, -8968, -6288, -4240, -2584, -1200, 20456, 12896, 8968, 6288, 4240, 2584, 1200, 0,
    ];

    /// <summary>Low-band inverse quantizer for the full 6-bit code (QM6), used for the decoder's output.</summary>
    public static readonly int[] LowInverse6 =
    [
        -136, -136, -136, -136, -24808, -21904, -19008, -16704, -14984, -13512, -12280, -11192, -10232, -9360, -8576, -7856,
        -7192, -6576, -6000, -5456, -4944, -4464, -4008, -3576, -3168, -2776, -2400, -2032, -1688, -1360, -1040, -728,
        24808, 21904, 19008, 16704, 14984, 13512, 12280, 11192, 10232, 9360, 8576, 7856, 7192, 6576, 6000, 5456,
        4944, 4464, 4008, 3576, 3168, 2776, 2400, 2032, 1688, 1360, 1040, 728, 432, 136, -432, -136,
    ];

    /// <summary>High-band inverse quantizer (QM2), by the 2-bit code.</summary>
    public static readonly int[] HighInverse = [-7408, -1616, 7408, 1616];

    /// <summary>High-band codes for a negative difference, by quantizer interval (1 or 2).</summary>
    public static readonly int[] NegativeHighCodes = [0, 1, 0];

    /// <summary>High-band codes for a positive difference, by quantizer interval (1 or 2).</summary>
    public static readonly int[] PositiveHighCodes = [0, 3, 2];

    /// <summary>High-band log scale-factor multipliers (WH), by the 1-bit magnitude.</summary>
    public static readonly int[] HighLogScale = [0, -214, 798];

    /// <summary>Maps the 2-bit high-band code to its magnitude (RH2).</summary>
    public static readonly int[] HighMagnitude = [2, 1, 2, 1];

    /// <summary>The high-band quantizer's single decision level (relative to the scale factor).</summary>
    public const int HighDecision = 564;
}
