namespace VoiceFunctions.MediaHost.Providers.Offline;

/// <summary>
/// Brings narrowband audio to the 16 kHz model by spectral folding: 8 kHz samples are zero-stuffed to 16 kHz with no
/// interpolation filter, so the 0–4 kHz band is mirrored into 4–8 kHz. The en-us model's filterbank reaches 6.8 kHz;
/// with the upper band empty (an interpolated upsample) its features are far from anything it was trained on, while
/// the mirror gives those filters an energy that follows the speech. Measured on the phrasing set over PCMU
/// (bench/results/recognition.md). Wideband input is first band-limited to 8 kHz, so every call is decoded alike.
/// Pure arithmetic over spans; one instance per stream (the downsampler keeps state).
/// </summary>
internal sealed class SpectralFolding
{
    private readonly Codecs.Resampler? _toNarrowband;
    private readonly short[] _narrow = new short[1024];

    public SpectralFolding(int inputRate)
    {
        _toNarrowband = inputRate == 8_000 ? null : new Codecs.Resampler(inputRate, 8_000);
    }

    /// <summary>The most output samples <see cref="Process"/> writes for <paramref name="inputSamples"/>.</summary>
    public int MaxOutputFor(int inputSamples) => 2 * (_toNarrowband?.MaxOutputFor(inputSamples) ?? inputSamples);

    /// <summary>Writes the folded 16 kHz samples of <paramref name="input"/> to <paramref name="output"/>; returns their count.</summary>
    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        ReadOnlySpan<short> narrow = input;
        if (_toNarrowband is not null)
        {
            var count = _toNarrowband.Process(input, _narrow);
            narrow = _narrow.AsSpan(0, count);
        }
        for (var i = 0; i < narrow.Length; i++)
        {
            // Zero-stuffing halves the level; doubling keeps it (the mirror carries the other half of the energy).
            output[2 * i] = (short)Math.Clamp(2 * narrow[i], short.MinValue, short.MaxValue);
            output[2 * i + 1] = 0;
        }
        return 2 * narrow.Length;
    }
}
