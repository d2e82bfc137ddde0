using System.CommandLine;

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
        // A string option, so help and completion show the values in lower case as they are typed.
        Output = new Option<string>("--output")
        {
            Description = $"table for people, json for scripts (shape: schema/voicectl/{schema}.schema.json).",
            DefaultValueFactory = _ => "table",
        };
        Output.AcceptOnlyFromAmong("table", "json");
    }

    public Option<bool> Json { get; }

    public Option<string> Output { get; }

    /// <summary>Adds both options to <paramref name="command"/>; <paramref name="schema"/> names its output schema.</summary>
    public static OutputOptions AddTo(Command command, string schema)
    {
        var options = new OutputOptions(schema);
        command.Options.Add(options.Output);
        command.Options.Add(options.Json);
        return options;
    }

    public bool IsJson(ParseResult parse) => parse.GetValue(Json) || parse.GetValue(Output) == "json";
}
