using System.Diagnostics;

namespace VoiceFunctions.MediaHost.Providers;

/// <summary>
/// Runs a command-line tool once (one process per sentence or per utterance, never per frame), feeding
/// optional stdin and collecting stdout. Cancellation kills the process tree, so a barge-in frees the CPU at once.
/// </summary>
internal static class ExternalProcess
{
    public sealed record Result(int ExitCode, byte[] StandardOutput, string StandardError);

    public static async Task<Result> RunAsync(string fileName, IEnumerable<string> arguments, byte[]? standardInput, string provider, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new ProviderException(provider, $"cannot start '{fileName}' ({e.Message}); is it installed?", isTransient: false, inner: e);
        }
        using var kill = cancellationToken.Register(() =>
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // already exited
            }
        });
        var stdout = new MemoryStream();
        var readOut = process.StandardOutput.BaseStream.CopyToAsync(stdout, CancellationToken.None);
        var readErr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        if (standardInput is not null)
        {
            try
            {
                await process.StandardInput.BaseStream.WriteAsync(standardInput, cancellationToken).ConfigureAwait(false);
                process.StandardInput.Close();
            }
            catch (IOException) when (cancellationToken.IsCancellationRequested)
            {
            }
        }
        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        await readOut.ConfigureAwait(false);
        var stderr = await readErr.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return new Result(process.ExitCode, stdout.ToArray(), stderr);
    }
}
