namespace VoiceFunctions.Functions.Recording;

/// <summary>Input of <see cref="StopRecordingActivity"/>.</summary>
public sealed record StopRecordingInput(string CallId, string EgressId);
