namespace VoiceFunctions.MediaHost.Tests.Image;

/// <summary>
/// A Dockerfile read into its stages and instructions — enough to check the image definition without docker:
/// line continuations are joined, comments and blank lines dropped, instruction keywords upper-cased.
/// </summary>
internal sealed class Dockerfile
{
    public sealed record Instruction(string Keyword, string Arguments, int Line);

    public sealed record Stage(string BaseImage, string? Name, IReadOnlyList<Instruction> Instructions)
    {
        public IEnumerable<Instruction> All(string keyword) =>
            Instructions.Where(i => i.Keyword == keyword);
    }

    public IReadOnlyList<Stage> Stages { get; }

    private Dockerfile(IReadOnlyList<Stage> stages) => Stages = stages;

    public Stage Final => Stages[^1];

    public static Dockerfile Parse(string text)
    {
        var stages = new List<Stage>();
        List<Instruction>? current = null;
        foreach (var instruction in Instructions(text))
        {
            if (instruction.Keyword == "FROM")
            {
                var parts = instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var image = parts.First(p => !p.StartsWith("--", StringComparison.Ordinal));
                var asIndex = Array.FindIndex(parts, p => p.Equals("AS", StringComparison.OrdinalIgnoreCase));
                current = [];
                stages.Add(new Stage(image, asIndex >= 0 && asIndex + 1 < parts.Length ? parts[asIndex + 1] : null, current));
                continue;
            }
            if (current is null)
            {
                if (instruction.Keyword == "ARG")
                {
                    continue; // ARG may precede the first FROM
                }
                throw new FormatException($"line {instruction.Line}: {instruction.Keyword} before the first FROM");
            }
            current.Add(instruction);
        }
        return new Dockerfile(stages);
    }

    private static IEnumerable<Instruction> Instructions(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var buffer = new System.Text.StringBuilder();
        var startLine = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith('#') || (line.Length == 0 && buffer.Length == 0))
            {
                continue;
            }
            if (buffer.Length == 0)
            {
                startLine = i + 1;
            }
            var continued = line.EndsWith('\\');
            buffer.Append(continued ? line[..^1] : line).Append(' ');
            if (continued)
            {
                continue;
            }
            var joined = buffer.ToString().Trim();
            buffer.Clear();
            if (joined.Length == 0)
            {
                continue;
            }
            var space = joined.IndexOf(' ');
            yield return space < 0
                ? new Instruction(joined.ToUpperInvariant(), "", startLine)
                : new Instruction(joined[..space].ToUpperInvariant(), joined[(space + 1)..].Trim(), startLine);
        }
    }
}
