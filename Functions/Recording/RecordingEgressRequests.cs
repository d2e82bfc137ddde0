using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.Functions.Recording;

/// <summary>The egress request that records a call (pure).</summary>
public static class RecordingEgressRequests
{
    /// <summary>
    /// Both sides of the call mixed, audio only, as Ogg/Opus, uploaded by LiveKit's egress to the configured
    /// Azure Blob container (its Azure upload: account name, key, container).
    /// </summary>
    public static RoomCompositeEgressRequest AudioOnlyToAzure(string roomName, string blobName, CallRecordingOptions o) => new()
    {
        RoomName = roomName,
        AudioOnly = true,
        FileOutputs =
        [
            new EncodedFileOutput
            {
                FileType = EncodedFileType.Ogg,
                Filepath = blobName,
                DisableManifest = true,
                Azure = new AzureBlobUpload { AccountName = o.AccountName, AccountKey = o.AccountKey, ContainerName = o.ContainerName },
            },
        ],
    };
}
