using System.Diagnostics;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.TestSupport;
using VoiceFunctions.TestSupport.LoopbackLiveKit;

namespace VoiceFunctions.Shared.Tests.LiveKit.Api;

/// <summary>
/// Runs tests/node/livekit-api-requests.mjs once (the official Node SDK making a fixed set of API calls)
/// against a loopback recorder and keeps what it sent. Shared by the interop tests of one class.
/// </summary>
public sealed class NodeSdkRequests : IAsyncDisposable
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private IReadOnlyList<LoopbackRecordedRequest>? _requests;

    public LiveKitCredentials Credentials { get; } = new("APIinterop", TestJwt.NewSecret());

    public async Task<IReadOnlyList<LoopbackRecordedRequest>> GetAsync(IEnumerable<string> calls)
    {
        await _once.WaitAsync();
        try
        {
            return _requests ??= await RunNodeAsync(calls);
        }
        finally
        {
            _once.Release();
        }
    }

    private async Task<IReadOnlyList<LoopbackRecordedRequest>> RunNodeAsync(IEnumerable<string> calls)
    {
        var node = RequiredTool.Command("node", "Node.js 20 (the machine image)");
        RequiredTool.NodePackage("livekit-server-sdk");
        await using var recorder = await LoopbackRequestRecorder.StartAsync();
        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = RepoPaths.NodeTools,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "livekit-api-requests.mjs", recorder.Url.ToString().TrimEnd('/'), Credentials.ApiKey, Credentials.ApiSecret }.Concat(calls))
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the Node SDK script failed ({process.ExitCode}): {await errors}\n{await output}");
        }
        return recorder.Requests;
    }

    public ValueTask DisposeAsync()
    {
        _once.Dispose();
        return ValueTask.CompletedTask;
    }
}
