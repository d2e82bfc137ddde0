namespace VoiceFunctions.MediaHost.Providers.Offline;

/// <summary>
/// What one caller's utterances taught the decoders about the caller's channel: the running cepstral mean as their
/// last utterance left it. A pooled decoder starts each utterance from its caller's mean (or a fresh decoder's when
/// the caller has none yet), so a caller is normalised as if they had a decoder of their own — never with the mean
/// of whoever the decoder heard before (another voice, another codec). Utterances of one call may overlap at their
/// edges (a final still decoding while the next utterance starts), hence the lock.
/// </summary>
internal sealed class SpeakerCepstralMean
{
    private readonly Lock _gate = new();
    private CepstralMeanState? _learnt;

    /// <summary>Copies the caller's mean into <paramref name="target"/>; false when no utterance of theirs has ended yet.</summary>
    public bool TryCopyTo(CepstralMeanState target)
    {
        lock (_gate)
        {
            _learnt?.CopyTo(target);
            return _learnt is not null;
        }
    }

    /// <summary>Keeps the mean a decoder was left with at the end of this caller's utterance.</summary>
    public void Learn(CepstralMeanState afterUtterance)
    {
        lock (_gate)
        {
            _learnt ??= new CepstralMeanState(afterUtterance.Mean.Length);
            afterUtterance.CopyTo(_learnt);
        }
    }
}
