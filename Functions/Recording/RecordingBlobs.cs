namespace VoiceFunctions.Functions.Recording;

/// <summary>Where a call's recording is written, and which blob a stored location names (pure).</summary>
public static class RecordingBlobs
{
    /// <summary>The blob name inside the container: one Ogg/Opus file per call (LiveKit mode's egress).</summary>
    public static string BlobName(string callId) => $"calls/{callId}.ogg";

    /// <summary>Direct mode: the MediaHost's stereo WAV of the call.</summary>
    public static string WavBlobName(string callId) => $"calls/{callId}.wav";

    /// <summary>The blob's URL under the configured endpoint and container.</summary>
    public static Uri Url(CallRecordingOptions o, string blobName) => new($"{o.BlobServiceUri.TrimEnd('/')}/{o.ContainerName}/{blobName}");

    /// <summary>The blob name when <paramref name="location"/> is in the configured container, else null (a link is never signed for anything else).</summary>
    public static string? BlobNameOf(CallRecordingOptions o, string location)
    {
        var prefix = $"{o.BlobServiceUri.TrimEnd('/')}/{o.ContainerName}/";
        return location.StartsWith(prefix, StringComparison.Ordinal) && location.Length > prefix.Length && !location.Contains("..", StringComparison.Ordinal)
            ? Uri.UnescapeDataString(location[prefix.Length..])
            : null;
    }
}
