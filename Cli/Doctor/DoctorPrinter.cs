using System.Text.Json;
using System.Text.Json.Serialization;
using VoiceFunctions.Cli.Output;

namespace VoiceFunctions.Cli.Doctor;

/// <summary>Doctor's verdicts for people (80 columns) or for machines (--json).</summary>
public static class DoctorPrinter
{
    public static void PrintText(Terminal terminal, IReadOnlyList<DoctorCheck> checks)
    {
        foreach (var check in checks)
        {
            var status = check.Status.ToString().ToUpperInvariant();
            var painted = check.Status switch
            {
                DoctorStatus.Pass => terminal.Green(status),
                DoctorStatus.Warn => terminal.Yellow(status),
                DoctorStatus.Fail => terminal.Red(status),
                _ => terminal.Dim(status),
            };
            var lines = TextWrap.Wrap($"{status,-4} {check.Name}: {check.Evidence}", Terminal.Width, 0, 5).ToList();
            lines[0] = painted + lines[0][status.Length..];
            foreach (var line in lines)
            {
                terminal.Out.WriteLine(line);
            }
            if (check.Cause is { } cause)
            {
                terminal.WriteWrapped(terminal.Out, "cause: " + cause, 12, 5);
            }
            if (check.Fix is { } fix)
            {
                terminal.WriteWrapped(terminal.Out, "fix: " + fix, 10, 5);
            }
        }
        var fail = checks.Count(c => c.Status == DoctorStatus.Fail);
        var warn = checks.Count(c => c.Status == DoctorStatus.Warn);
        var pass = checks.Count(c => c.Status == DoctorStatus.Pass);
        var summary = $"{pass} passed, {warn} warnings, {fail} failed";
        terminal.Out.WriteLine(fail > 0 ? terminal.Red("doctor: " + summary) : terminal.Green("doctor: " + summary));
    }

    public static void PrintJson(Terminal terminal, IReadOnlyList<DoctorCheck> checks)
    {
        var report = new
        {
            ok = checks.All(c => c.Status != DoctorStatus.Fail),
            checks = checks.Select(c => new
            {
                check = c.Check,
                name = c.Name,
                status = c.Status.ToString().ToLowerInvariant(),
                evidence = c.Evidence,
                cause = c.Cause,
                fix = c.Fix,
            }),
        };
        terminal.Out.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
    }
}
