using VoiceFunctions.Shared.Telephony.Deployment;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Cli.Output;

/// <summary>Prints deployment-file problems as "file:line:column: severity CODE: message" with the explanation below.</summary>
public static class DiagnosticPrinter
{
    public static void Print(Terminal terminal, DeploymentDocument document)
    {
        var file = Path.GetFileName(document.Path);
        foreach (var diagnostic in document.Diagnostics)
        {
            var severity = diagnostic.IsError ? terminal.Red("error") : terminal.Yellow("warning");
            var head = $"{file}:{diagnostic.Position}: {(diagnostic.IsError ? "error" : "warning")} {diagnostic.Code}: {diagnostic.Message}";
            var lines = TextWrap.Wrap(head, Terminal.Width, 0, 4).ToList();
            // Colour only the severity word, after wrapping, so wrapping counts visible characters.
            lines[0] = lines[0].Replace(diagnostic.IsError ? " error " : " warning ", " " + severity + " ");
            foreach (var line in lines)
            {
                terminal.Out.WriteLine(line);
            }
            if (diagnostic.Explanation is { } explanation)
            {
                terminal.WriteWrapped(terminal.Out, explanation, 4);
            }
        }

        var summary = $"{file}: {Count(document.ErrorCount, "error")}, {Count(document.WarningCount, "warning")}";
        terminal.Out.WriteLine(document.IsValid
            ? terminal.Green("valid") + $" ({summary})"
            : terminal.Red("invalid") + $" ({summary})");
    }

    private static string Count(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
