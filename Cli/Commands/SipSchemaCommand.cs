using System.CommandLine;
using VoiceFunctions.Shared.Telephony.Deployment.Generation;

namespace VoiceFunctions.Cli.Commands;

/// <summary>`voicectl sip schema [--output FILE]`: the JSON Schema of voice.yaml (committed as schema/voice.schema.json).</summary>
public static class SipSchemaCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<FileInfo?>("--output", "-o") { HelpName = "FILE", Description = "Write the schema to this file instead of standard output." };
        var command = new Command("schema", "Print the JSON Schema of the deployment file, for editors.") { output };
        command.SetAction(parse =>
        {
            var schema = JsonSchemaGenerator.Generate();
            if (parse.GetValue(output) is { } file)
            {
                File.WriteAllText(file.FullName, schema);
            }
            else
            {
                context.Terminal.Out.Write(schema);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
