using System.Runtime.InteropServices;

namespace VoiceFunctions.MediaHost.Providers.Offline;

/// <summary>
/// Reads and sets one decoder's running cepstral mean. libpocketsphinx exposes the feature module (<c>ps_get_feat</c>)
/// but neither it nor libsphinxbase lets a caller save and restore the whole live-CMN state (<c>cmn_live_set</c> fixes
/// the frame count at its window), so the fields are reached through the structures of the packaged libsphinxbase
/// (Debian 12, 0.8+5prealpha: <c>feat_t</c> and <c>cmn_t</c>, LP64). <see cref="Attach"/> checks the layout against
/// the library's own accessor and refuses a library it does not match, so a changed package fails when the decoder
/// loads, not with corrupted features.
/// </summary>
internal sealed class DecoderCepstralMean
{
    // feat_t: int32 cepsize, cmn_type_t cmn, cmn_t *cmn_struct.
    private const int CepstrumLengthOffset = 16;
    private const int NormalisationKindOffset = 68;
    private const int MeanStateOffset = 88;
    // cmn_t: mfcc_t *cmn_mean, mfcc_t *sum, int32 nframe, int32 veclen (mfcc_t is float in the packaged build).
    private const int MeanOffset = 0;
    private const int SumOffset = 16;
    private const int FramesOffset = 24;
    private const int LengthOffset = 28;
    // cmn_type_t
    private const int Batch = 1;
    private const int Live = 2;

    private readonly IntPtr _features;
    private readonly IntPtr _state;

    private DecoderCepstralMean(IntPtr features, IntPtr state, int length)
    {
        _features = features;
        _state = state;
        Length = length;
    }

    /// <summary>Coefficients per frame (13 for the en-us model).</summary>
    public int Length { get; }

    /// <summary>The decoder's cepstral mean, or null when it was configured without one ("-cmn none").</summary>
    public static unsafe DecoderCepstralMean? Attach(PocketsphinxDecoderHandle decoder)
    {
        var features = PocketsphinxNative.GetFeatureModule(decoder);
        if (features == IntPtr.Zero)
        {
            throw Unexpected("the decoder has no feature module");
        }
        var state = Marshal.ReadIntPtr(features, MeanStateOffset);
        var length = Marshal.ReadInt32(features, CepstrumLengthOffset);
        var kind = Marshal.ReadInt32(features, NormalisationKindOffset);
        if (kind == 0 && state == IntPtr.Zero)
        {
            return null;
        }
        if (state == IntPtr.Zero || length is < 1 or > 64 || Marshal.ReadInt32(state, LengthOffset) != length || kind is not (Batch or Live))
        {
            throw Unexpected($"feature module fields read as length {length}, normalisation {kind}");
        }
        var attached = new DecoderCepstralMean(features, state, length);
        // The library's own reading of the mean must be the one found through the structure.
        Span<float> expected = stackalloc float[length];
        fixed (float* into = expected)
        {
            PocketsphinxNative.GetLiveMean(state, into);
        }
        if (!expected.SequenceEqual(attached.Values(MeanOffset)))
        {
            throw Unexpected("the cepstral mean read through the structure differs from cmn_live_get's");
        }
        return attached;
    }

    public CepstralMeanState Snapshot()
    {
        var state = new CepstralMeanState(Length);
        Save(state);
        return state;
    }

    public void Save(CepstralMeanState into)
    {
        Values(MeanOffset).CopyTo(into.Mean);
        Values(SumOffset).CopyTo(into.Sum);
        into.Frames = Marshal.ReadInt32(_state, FramesOffset);
    }

    public void Restore(CepstralMeanState from)
    {
        from.Mean.CopyTo(Values(MeanOffset));
        from.Sum.CopyTo(Values(SumOffset));
        Marshal.WriteInt32(_state, FramesOffset, from.Frames);
    }

    /// <summary>
    /// The next block fed as a whole utterance is normalised with its own mean. The library turns a decoder to the
    /// running mean for good once it has decoded audio in pieces, so "-cmn batch" alone holds only until then.
    /// </summary>
    public void NormaliseNextWholeUtteranceWithItsOwnMean() => Marshal.WriteInt32(_features, NormalisationKindOffset, Batch);

    private unsafe Span<float> Values(int pointerOffset) => new((void*)Marshal.ReadIntPtr(_state, pointerOffset), Length);

    private static ProviderException Unexpected(string what) => new("pocketsphinx",
        $"libsphinxbase is not the packaged version this decoder was built for ({what}); install libsphinxbase3 0.8+5prealpha (Debian 12)", isTransient: false);
}
