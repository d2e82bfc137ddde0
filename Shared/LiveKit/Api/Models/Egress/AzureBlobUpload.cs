namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Upload to an Azure Blob Storage container (livekit.AzureBlobUpload).</summary>
public sealed class AzureBlobUpload
{
    public string AccountName { get; set; } = "";

    /// <summary>The storage account key the egress service writes with. Secret: never logged; read it from Key Vault.</summary>
    public string AccountKey { get; set; } = "";

    public string ContainerName { get; set; } = "";
}
