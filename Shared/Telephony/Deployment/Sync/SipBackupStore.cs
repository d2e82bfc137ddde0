using System.Globalization;
using System.Text.Json;

namespace VoiceFunctions.Shared.Telephony.Deployment.Sync;

/// <summary>
/// Backups of the remote state as timestamped JSON files in one folder. They hold trunk credentials as
/// LiveKit returns them, so files are created readable by their owner only and must not be committed.
/// </summary>
public sealed class SipBackupStore(string directory, TimeProvider time)
{
    public string Directory { get; } = directory;

    public SipBackup Save(SipState state, string liveKitUrl)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var now = time.GetUtcNow();
        var id = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        for (var n = 2; File.Exists(PathOf(id)); n++)
        {
            id = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + n;
        }
        var backup = new SipBackup { Id = id, CreatedAt = now, LiveKitUrl = liveKitUrl, State = state };
        var path = PathOf(id);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(path, options))
        {
            JsonSerializer.Serialize(stream, backup, SipStateJson.Options);
        }
        return backup;
    }

    public IReadOnlyList<SipBackup> List() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, "*.json")
                .Select(TryRead).OfType<SipBackup>()
                .OrderBy(b => b.CreatedAt).ThenBy(b => b.Id, StringComparer.Ordinal).ToArray()
            : [];

    public SipBackup? Load(string id) => File.Exists(PathOf(id)) ? TryRead(PathOf(id)) : null;

    public string PathOf(string id) => Path.Combine(Directory, id + ".json");

    private static SipBackup? TryRead(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<SipBackup>(File.ReadAllText(path), SipStateJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
