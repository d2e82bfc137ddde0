namespace VoiceFunctions.Cli.Output;

/// <summary>
/// Where voicectl writes and how: 80 columns, colours only on a terminal and only without NO_COLOR
/// (https://no-color.org), so piped output and logs stay plain text.
/// </summary>
public sealed class Terminal(TextWriter output, TextWriter error, bool colours, TextReader? input = null, bool interactive = false)
{
    public const int Width = 80;

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public bool Colours { get; } = colours;

    /// <summary>Where confirmations are read from.</summary>
    public TextReader Input { get; } = input ?? TextReader.Null;

    /// <summary>True when stderr is a terminal: progress lines are shown only then.</summary>
    public bool Interactive { get; } = interactive;

    /// <summary>Shows what a slow step is doing (on stderr, and only on a terminal, so pipes stay clean).</summary>
    public void Progress(string message)
    {
        if (Interactive)
        {
            Error.WriteLine(Dim(message + "…"));
        }
    }

    public static Terminal FromConsole() => new(Console.Out, Console.Error,
        !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
        Console.In, !Console.IsErrorRedirected);

    public string Red(string text) => Paint("31", text);

    public string Yellow(string text) => Paint("33", text);

    public string Green(string text) => Paint("32", text);

    public string Bold(string text) => Paint("1", text);

    public string Dim(string text) => Paint("2", text);

    private string Paint(string code, string text) => Colours ? $"\u001b[{code}m{text}\u001b[0m" : text;

    /// <summary>Writes <paramref name="text"/> wrapped to the terminal width; continuation lines are indented.</summary>
    public void WriteWrapped(TextWriter writer, string text, int indent, int firstIndent = -1)
    {
        foreach (var line in TextWrap.Wrap(text, Width, firstIndent < 0 ? indent : firstIndent, indent))
        {
            writer.WriteLine(line);
        }
    }
}
