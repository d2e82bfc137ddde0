namespace VoiceFunctions.Functions.Recording;

/// <summary>How recording links are signed.</summary>
public enum RecordingSigningMode
{
    /// <summary>A service SAS signed with the storage account key (Recording:AccountKey; locally Azurite's well-known key).</summary>
    AccountKey,

    /// <summary>A user-delegation SAS: signed with a key the Blob service issues to the function app's managed identity (no account key held).</summary>
    UserDelegation,
}
