using VoiceFunctions.Cli.Alerts;

namespace VoiceFunctions.Cli.Output;

/// <summary>The alert rules as a table: state, type, severity, name; missing expected rules are listed as such.</summary>
public static class AlertRulesPrinter
{
    public static void Print(Terminal terminal, AlertListResult result)
    {
        terminal.Out.WriteLine($"Alert rules in {result.ResourceGroup} (subscription {result.Subscription}):");
        terminal.Out.WriteLine($"{"STATE",-9}{"TYPE",-7}{"SEV",-4}NAME");
        foreach (var rule in result.Rules)
        {
            var state = !rule.Exists ? "MISSING" : rule.Enabled == true ? "enabled" : rule.Enabled == false ? "DISABLED" : "unknown";
            var painted = state switch
            {
                "enabled" => terminal.Green(state),
                "unknown" => terminal.Yellow(state),
                _ => terminal.Red(state),
            };
            var line = $"{state,-9}{rule.Type,-7}{rule.Severity?.ToString() ?? "-",-4}{rule.Name}" + (rule.Expected ? "" : " (not deployed by infra/alerts.bicep)");
            terminal.Out.WriteLine(painted + line[state.Length..]);
        }
        terminal.Out.WriteLine(result.Ok
            ? terminal.Green("every expected alert rule exists and is enabled")
            : terminal.Red("some expected alert rules are missing or disabled: deploy infra.bicep again, or enable them"));
    }
}
