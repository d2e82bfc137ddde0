using System.CommandLine;
using VoiceFunctions.Cli.Output;

namespace VoiceFunctions.Cli.Commands;

/// <summary>
/// --output table|json and its shorthand --json, on every command that prints a result. The JSON shape of
/// each command is documented by a schema in schema/voicectl/ (named in the option's help).
/// </summary>
public sealed class OutputOptions
{
    private OutputOptions(string schema)
    {
        Json = new Option<bool>("--json") { Description = "Shorthand for --output json." };
        Output = new Option<OutputFormat>("--output")
        {
            Description = $"table for people, json for scripts (shape: schema/voicectl/{schema}.schema.json).",
            DefaultValueFactory = _ => OutputFormat.Table,
        };
    }

    public Option<bool> Json { get; }

    public Option<OutputFormat> Output { get; }

    /// <summary>Adds both options to <paramref name="command"/>; <paramref name="schema"/> names its output schema.</summary>
    public static OutputOptions AddTo(Command command, string schema)
    {
        var options = new OutputOptions(schema);
        command.Options.Add(options.Output);
        command.Options.Add(options.Json);
        return options;
    }

    public bool IsJson(ParseResult parse) => parse.GetValue(Json) || parse.GetValue(Output) == OutputFormat.Json;
}
