using System.CommandLine;
using VoiceFunctions.Cli.Docs;

namespace VoiceFunctions.Cli.Commands;

/// <summary>`voicectl docs [--write FILE]` (hidden, for maintainers): the generated reference of docs/voicectl.md.</summary>
public static class DocsCommand
{
    public static Command Create(CliContext context)
    {
        var write = new Option<FileInfo?>("--write") { HelpName = "FILE", Description = "Replace the generated reference section of this Markdown file." };
        var command = new Command("docs", "Print (or write into docs/voicectl.md) the command reference generated from the command tree.") { write };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            var reference = ReferenceGenerator.Generate(VoicectlCommand.Create(context));
            if (parse.GetValue(write) is { } file)
            {
                var document = file.Exists ? File.ReadAllText(file.FullName) : "";
                File.WriteAllText(file.FullName, ReferenceGenerator.Splice(document, reference));
            }
            else
            {
                context.Terminal.Out.Write(reference);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
