using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Sip.Messages;

/// <summary>The checked-in torture corpus (tests/MediaHost.Tests/Sip/Corpus) and its expectations file.</summary>
public static class SipCorpus
{
    public static readonly string Directory = Path.Combine(RepoPaths.Root, "tests", "MediaHost.Tests", "Sip", "Corpus");

    public static byte[] Read(string file) => File.ReadAllBytes(Path.Combine(Directory, file));

    /// <summary>Every corpus file (not the expectations or attributes files), sorted.</summary>
    public static IEnumerable<string> Files() =>
        System.IO.Directory.GetFiles(Directory).Select(Path.GetFileName).Order()
            .Where(file => file is not ("expected.txt" or ".gitattributes"))!;

    public static IReadOnlyDictionary<string, SipCorpusEntry> Expected()
    {
        var map = new Dictionary<string, SipCorpusEntry>();
        foreach (var line in File.ReadAllLines(Path.Combine(Directory, "expected.txt")))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var parts = line.Split((char[])[' ', '\t'], 5, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 4)
            {
                throw new FormatException($"expected.txt: '{line}' needs file, parse, udp and tcp columns");
            }
            map[parts[0]] = new SipCorpusEntry(parts[0], parts[1], Status(parts[2]), Status(parts[3]), parts.Length > 4 ? parts[4].Trim() : "");
        }
        return map;
    }

    private static int? Status(string column) => column == "-" ? null : int.Parse(column, System.Globalization.CultureInfo.InvariantCulture);
}
