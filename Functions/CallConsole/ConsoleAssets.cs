using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace VoiceFunctions.Functions.CallConsole;

/// <summary>
/// The call console's web files, embedded in this assembly (Functions.csproj: CallConsole/wwwroot/** under the
/// resource name "console/…"), so the function app and the local host serve the same files with no file system
/// and no build step. Only the embedded files exist: a path is looked up, never joined to a folder.
/// </summary>
public sealed class ConsoleAssets
{
    private const string ResourcePrefix = "console/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, ConsoleAsset> _assets;

    private ConsoleAssets(FrozenDictionary<string, ConsoleAsset> assets) => _assets = assets;

    /// <summary>The files embedded in the Functions assembly (read once).</summary>
    public static ConsoleAssets Embedded { get; } = Load(typeof(ConsoleAssets).Assembly);

    public IEnumerable<string> Paths => _assets.Keys;

    /// <param name="path">The path under the console's root, e.g. "js/app.js"; empty means the page itself.</param>
    public ConsoleAsset? Find(string? path) =>
        _assets.GetValueOrDefault(string.IsNullOrEmpty(path) ? "index.html" : path);

    private static ConsoleAssets Load(Assembly assembly)
    {
        var assets = new Dictionary<string, ConsoleAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var path = name[ResourcePrefix.Length..].Replace('\\', '/');
            if (!ContentTypes.TryGetValue(Path.GetExtension(path), out var contentType))
            {
                throw new InvalidOperationException($"the console file {path} has a type the console does not serve (add it to ConsoleAssets.ContentTypes)");
            }
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var content = copy.ToArray();
            var etag = "\"" + Convert.ToHexString(SHA256.HashData(content).AsSpan(0, 12)).ToLowerInvariant() + "\"";
            assets[path] = new ConsoleAsset(path, contentType, content, etag);
        }
        return new ConsoleAssets(assets.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
