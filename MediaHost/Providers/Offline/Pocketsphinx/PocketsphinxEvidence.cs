namespace VoiceFunctions.MediaHost.Providers.Offline;

/// <summary>
/// What the decoder's searches heard in one utterance: the first search's hypothesis (the one that decodes while the
/// caller speaks) and, when the utterance was decoded again, the second search's; each with its best path score
/// (log, the library's units: higher is likelier) and the utterance's length in 10 ms frames.
/// </summary>
internal sealed record PocketsphinxEvidence(string First, int FirstScore, string? Second, int SecondScore, int Frames)
{
    public static readonly PocketsphinxEvidence None = new("", 0, null, 0, 0);
}
