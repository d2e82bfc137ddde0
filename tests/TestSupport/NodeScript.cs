using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VoiceFunctions.TestSupport;

/// <summary>
/// Runs one of the committed Node scripts in tests/node (the reference SDKs live there). The request
/// goes to the script's stdin as JSON, so secrets never appear on a command line; the script answers
/// with one JSON object on stdout. Node or the package missing: skipped locally, failure in CI.
/// </summary>
public static class NodeScript
{
    public static async Task<JsonElement> RunAsync(string script, JsonObject request, string requiredPackage = "livekit-server-sdk")
    {
        RequiredTool.NodePackage(requiredPackage);
        var node = RequiredTool.Command("node", "Node.js 20 (the machine image)");
        var scriptPath = Path.Combine(RepoPaths.NodeTools, script);
        if (!File.Exists(scriptPath))
        {
            throw new FileNotFoundException("Node interop script not found", scriptPath);
        }

        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = RepoPaths.NodeTools,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(scriptPath);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardInput.WriteAsync(request.ToJsonString()).ConfigureAwait(false);
            process.StandardInput.Close();
            await process.WaitForExitAsync().DefaultTimeout().ConfigureAwait(false);
            var output = await stdout.ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{script} exited with {process.ExitCode}: {await stderr.ConfigureAwait(false)}");
            }
            return JsonDocument.Parse(output).RootElement.Clone();
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
