using System.Diagnostics;
using System.Text;
using System.Text.Json;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.LiveKit.Webhooks;

// Usage: VoiceFunctions.LiveKitCpu <corpus.json>   (the file bench/livekit-webhooks.sh makes with the Node SDK)
// Runs our WebhookReceiver over every delivery, warm-up (at least 5 passes and 2 s) then 20 timed
// passes, the same schedule as the Node script, and prints wall ops/s and CPU microseconds per delivery as JSON.
using var corpus = JsonDocument.Parse(File.ReadAllBytes(args[0]));
var root = corpus.RootElement;
var credentials = new LiveKitCredentials(root.GetProperty("apiKey").GetString()!, root.GetProperty("apiSecret").GetString()!);
var deliveries = root.GetProperty("items").EnumerateArray()
    .Select(i => (Body: Encoding.UTF8.GetBytes(i.GetProperty("body").GetString()!), Authorization: i.GetProperty("authorization").GetString()!))
    .ToArray();
var receiver = new WebhookReceiver(credentials, TimeProvider.System);

int Pass()
{
    var accepted = 0;
    foreach (var (body, authorization) in deliveries)
    {
        accepted += receiver.Receive(body, authorization).IsValid ? 1 : 0;
    }
    return accepted;
}

// Warm-up: at least 5 passes and 2 s, so tiered JIT has promoted the hot path even on a busy machine.
var warmUp = Stopwatch.StartNew();
for (var i = 0; i < 5 || warmUp.Elapsed < TimeSpan.FromSeconds(2); i++)
{
    if (Pass() != deliveries.Length)
    {
        throw new InvalidOperationException("a corpus delivery was refused");
    }
}

const int passes = 20;
var process = Process.GetCurrentProcess();
var cpuStart = process.TotalProcessorTime;
var wall = Stopwatch.StartNew();
for (var i = 0; i < passes; i++)
{
    Pass();
}
wall.Stop();
process.Refresh();
var operations = passes * deliveries.Length;
Console.WriteLine(JsonSerializer.Serialize(new
{
    opsPerSecond = Math.Round(operations / wall.Elapsed.TotalSeconds),
    cpuMicrosecondsPerOp = Math.Round((process.TotalProcessorTime - cpuStart).TotalMicroseconds / operations, 1),
    deliveries = deliveries.Length,
    passes,
}));
