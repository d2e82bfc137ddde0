namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>A file output (storage set on the Output) (livekit.FileOutput).</summary>
public sealed class FileOutput
{
    public EncodedFileType FileType { get; set; }

    public string Filepath { get; set; } = "";

    public bool DisableManifest { get; set; }
}
