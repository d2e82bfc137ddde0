namespace VoiceFunctions.MediaHost.Providers.Offline;

/// <summary>
/// A copy of a decoder's running cepstral mean (libsphinxbase's live CMN): the mean subtracted from every frame of an
/// utterance, and the sums and frame count the mean is recomputed from when the utterance ends.
/// </summary>
internal sealed class CepstralMeanState(int length)
{
    public float[] Mean { get; } = new float[length];

    public float[] Sum { get; } = new float[length];

    public int Frames { get; set; }

    public void CopyTo(CepstralMeanState target)
    {
        Mean.CopyTo(target.Mean, 0);
        Sum.CopyTo(target.Sum, 0);
        target.Frames = Frames;
    }
}
