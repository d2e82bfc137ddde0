namespace VoiceFunctions.MediaHost.MediaModel;

/// <summary>The outcome of a transfer: accepted by the far end or not, with the final NOTIFY status.</summary>
public sealed record TransferResult(bool Succeeded, int? SipStatus, string Detail);
