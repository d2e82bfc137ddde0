using VoiceFunctions.Cli.Simulation;

namespace VoiceFunctions.Cli.Output;

/// <summary>A simulated call for people: one line per step with the rule and file:line behind it, then the verdict.</summary>
public static class SimulationPrinter
{
    public static void Print(Terminal terminal, SimulationReport report)
    {
        var call = report.Call;
        terminal.WriteWrapped(terminal.Out,
            $"Call from {call.From} to {call.To}" + (call.SourceAddress is null ? "" : $" from {call.SourceAddress}") + $" over {call.Transport}"
            + (call.AuthUser is null ? "" : $" as {call.AuthUser}") + $", walked through {report.Source}:", 2, 0);
        foreach (var step in report.Steps)
        {
            var word = step.Verdict switch
            {
                StepVerdict.Pass => "PASS",
                StepVerdict.Reject => "STOP",
                StepVerdict.Note => "NOTE",
                _ => "SKIP",
            };
            var painted = step.Verdict switch
            {
                StepVerdict.Pass => terminal.Green(word),
                StepVerdict.Reject => terminal.Red(word),
                _ => terminal.Dim(word),
            };
            var lines = TextWrap.Wrap($"{word,-4} {step.Step}: {step.Detail}", Terminal.Width, 0, 5).ToList();
            lines[0] = painted + lines[0][word.Length..];
            foreach (var line in lines)
            {
                terminal.Out.WriteLine(line);
            }
            if (step.Rule is not null)
            {
                var where = step.Line is { } line && step.File is { } file ? $" ({file}:{line})" : step.File is null ? "" : $" (not written in {step.File})";
                terminal.WriteWrapped(terminal.Out, "rule: " + step.Rule + where, 11, 5);
            }
            if (step.SipResponse is { } response)
            {
                terminal.WriteWrapped(terminal.Out, "caller gets: " + response, 18, 5);
            }
        }
        terminal.Out.WriteLine(report.Accepted
            ? terminal.Green("ACCEPTED") + (report.Room is null ? "" : $": room {report.Room}")
            : terminal.Red("REJECTED") + (report.SipResponse is null ? "" : $": {report.SipResponse}"));
    }
}
