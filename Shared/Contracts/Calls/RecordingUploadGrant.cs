namespace VoiceFunctions.Shared.Calls;

/// <summary>
/// The control plane's answer to a <see cref="RecordingUploadRequest"/>: a SAS URL that may create and write that one
/// blob (no read, no list, no delete) until <see cref="ExpiresAt"/>, and the blob's location without a signature,
/// which is what the call record stores.
/// </summary>
public sealed record RecordingUploadGrant(Uri UploadUrl, string Location, DateTimeOffset ExpiresAt);
