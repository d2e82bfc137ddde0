namespace VoiceFunctions.Shared.MediaHosts;

/// <summary>
/// A MediaHost's id: 1 to 64 letters, digits, '.', '_' or '-' (a node or pod name fits). It names the host in call
/// records and is part of the heartbeat's URL and of the control plane's monitor instance id.
/// </summary>
public static class MediaHostIds
{
    public const int MaxLength = 64;

    public static bool IsValid(string? hostId) =>
        hostId is { Length: > 0 and <= MaxLength } && hostId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>A valid id made from <paramref name="name"/> (a machine name): other characters become '-', cut to <see cref="MaxLength"/>.</summary>
    public static string From(string name)
    {
        var id = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-').ToArray());
        id = id.Length > MaxLength ? id[..MaxLength] : id;
        return id.Length == 0 ? "mediahost" : id;
    }
}
