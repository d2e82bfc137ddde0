namespace VoiceFunctions.MediaHost.MediaModel;

/// <summary>A DTMF digit (0-9, *, #, A-D) and how long it was held.</summary>
public readonly record struct DtmfDigit(char Digit, TimeSpan Duration);
