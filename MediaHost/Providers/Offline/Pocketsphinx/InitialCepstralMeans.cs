namespace VoiceFunctions.MediaHost.Providers.Offline;

/// <summary>
/// The running cepstral mean a new caller's first utterance starts from, for phone-band audio (folded) and for wideband
/// audio fed as it is: the two reach the model as different features. Empty: the model's own (feat.params -cmninit).
/// </summary>
internal sealed record InitialCepstralMeans(float[] PhoneBand, float[] Wideband);
