using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Shared.Tests.LiveKit.Webhooks;

/// <summary>Real-shaped webhook bodies (camelCase, defaults omitted, int64 as strings) kept under Samples/.</summary>
internal static class WebhookSamples
{
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "Shared.Tests", "LiveKit", "Webhooks", "Samples");

    public static byte[] Read(string eventName) => File.ReadAllBytes(Path.Combine(Folder, eventName + ".json"));

    public static IEnumerable<string> Names() =>
        Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).Order()!;
}
