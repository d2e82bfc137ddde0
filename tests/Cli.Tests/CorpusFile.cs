using System.Text.RegularExpressions;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Cli.Tests;

/// <summary>
/// A deployment file of tests/Cli.Tests/Corpus with the problems it must produce, written in its own
/// comments: "# expect: line:column severity code message-start", "# expect-explained: code text"
/// (some problem with that code explains it so) and "# expect-absent: text" (never printed, e.g. a secret).
/// </summary>
public sealed partial class CorpusFile
{
    public static string Folder => System.IO.Path.Combine(RepoPaths.Root, "tests", "Cli.Tests", "Corpus");

    private CorpusFile(string name)
    {
        Name = name;
        Path = System.IO.Path.Combine(Folder, name);
        Text = File.ReadAllText(Path);
        foreach (Match m in ExpectLine().Matches(Text))
        {
            Expected.Add(new Expectation(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value.Trim()));
        }
        foreach (Match m in ExplainedLine().Matches(Text))
        {
            Explained.Add((m.Groups[1].Value, m.Groups[2].Value.Trim()));
        }
        foreach (Match m in AbsentLine().Matches(Text))
        {
            Absent.Add(m.Groups[1].Value.Trim());
        }
    }

    public sealed record Expectation(string Position, string Severity, string Code, string MessageStart)
    {
        public string Key => $"{Position} {Severity} {Code}";
    }

    public string Name { get; }

    public string Path { get; }

    public string Text { get; }

    public List<Expectation> Expected { get; } = [];

    public List<(string Code, string Text)> Explained { get; } = [];

    public List<string> Absent { get; } = [];

    public static CorpusFile Load(string name) => new(name);

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(System.IO.Path.GetFileName(file));
        }
        return data;
    }

    [GeneratedRegex(@"^# expect: (\d+:\d+) (error|warning) (VC\d{3}) (.*)$", RegexOptions.Multiline)]
    private static partial Regex ExpectLine();

    [GeneratedRegex(@"^# expect-explained: (VC\d{3}) (.*)$", RegexOptions.Multiline)]
    private static partial Regex ExplainedLine();

    [GeneratedRegex(@"^# expect-absent: (.*)$", RegexOptions.Multiline)]
    private static partial Regex AbsentLine();
}
