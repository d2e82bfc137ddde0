using VoiceFunctions.Shared.Telephony.Deployment.Sync;

namespace VoiceFunctions.Cli.Output;

/// <summary>A plan as an 80-column table: one row per change, one indented row per changed field.</summary>
public static class PlanPrinter
{
    private const int OpWidth = 8;
    private const int ObjectWidth = 33;

    public static void Print(Terminal terminal, SipPlan plan)
    {
        var output = terminal.Out;
        if (plan.IsEmpty)
        {
            output.WriteLine(terminal.Green(plan.Summary));
            return;
        }
        output.WriteLine(Row("OP", "OBJECT / FIELD", "NOW → FILE"));
        output.WriteLine(Row(new string('-', OpWidth - 2), new string('-', ObjectWidth - 2), new string('-', Terminal.Width - OpWidth - ObjectWidth)));
        foreach (var change in plan.Changes)
        {
            var op = change.Action switch
            {
                SipChangeAction.Create => terminal.Green("create"),
                SipChangeAction.Update => terminal.Yellow("update"),
                _ => terminal.Red("delete"),
            };
            var name = $"{change.KindText} {change.Name}";
            WriteRow(output, op, change.ActionText.Length, name, change.RemoteId ?? "");
            foreach (var field in change.Fields)
            {
                WriteRow(output, "", 0, "  " + field.Field, field.Describe());
            }
        }
        output.WriteLine(plan.Summary);
    }

    private static void WriteRow(TextWriter output, string op, int opVisible, string obj, string change)
    {
        if (obj.Length > ObjectWidth - 1)
        {
            obj = obj[..(ObjectWidth - 2)] + "…";
        }
        var lines = TextWrap.Wrap(change, Terminal.Width, 0, 0, Terminal.Width - OpWidth - ObjectWidth).ToList();
        var first = op + new string(' ', OpWidth - opVisible) + obj.PadRight(ObjectWidth) + (lines.Count > 0 ? lines[0] : "");
        output.WriteLine(first.TrimEnd());
        foreach (var line in lines.Skip(1))
        {
            output.WriteLine(new string(' ', OpWidth + ObjectWidth) + line);
        }
    }

    private static string Row(string op, string obj, string change) =>
        (op.PadRight(OpWidth) + obj.PadRight(ObjectWidth) + change).TrimEnd();
}
