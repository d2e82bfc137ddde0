namespace VoiceFunctions.Functions.Recording;

/// <summary>Input of <see cref="StartRecordingActivity"/>: the call, its room and the number that was called.</summary>
public sealed record StartRecordingInput(string CallId, string RoomName, string? CalledNumber);
