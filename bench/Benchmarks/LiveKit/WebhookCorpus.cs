using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VoiceFunctions.Shared.LiveKit.Auth;

namespace VoiceFunctions.Benchmarks.LiveKit;

/// <summary>
/// The 1,000 signed webhook deliveries both benchmarks run over. bench/livekit-webhooks.sh makes them
/// with the Node SDK and passes the file in LIVEKIT_WEBHOOK_CORPUS; without it we make an equivalent
/// set here from the repository's sample bodies, so the benchmark also runs on its own.
/// </summary>
internal sealed class WebhookCorpus
{
    public const string EnvironmentVariable = "LIVEKIT_WEBHOOK_CORPUS";
    private const int Size = 1000;

    private WebhookCorpus(LiveKitCredentials credentials, (byte[] Body, string Authorization)[] deliveries)
    {
        Credentials = credentials;
        Deliveries = deliveries;
    }

    public LiveKitCredentials Credentials { get; }
    public (byte[] Body, string Authorization)[] Deliveries { get; }

    public static WebhookCorpus Load()
    {
        var file = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrEmpty(file) ? Generate() : FromFile(file);
    }

    private static WebhookCorpus FromFile(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        var root = document.RootElement;
        var credentials = new LiveKitCredentials(root.GetProperty("apiKey").GetString()!, root.GetProperty("apiSecret").GetString()!);
        var deliveries = root.GetProperty("items").EnumerateArray()
            .Select(i => (Encoding.UTF8.GetBytes(i.GetProperty("body").GetString()!), i.GetProperty("authorization").GetString()!))
            .ToArray();
        return new WebhookCorpus(credentials, deliveries);
    }

    private static WebhookCorpus Generate()
    {
        var credentials = new LiveKitCredentials("APIbench", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        var templates = Directory.EnumerateFiles(SamplesFolder(), "*.json").Order().Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject()).ToArray();
        var deliveries = new (byte[], string)[Size];
        for (var i = 0; i < Size; i++)
        {
            var body = templates[i % templates.Length].DeepClone().AsObject();
            body["id"] = $"EV_bench{i:D6}";
            body["createdAt"] = (1771351800 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
            var authorization = new AccessTokenBuilder(credentials, TimeProvider.System)
                .WithTtl(TimeSpan.FromHours(1))
                .WithSha256(Shared.LiveKit.Webhooks.BodyHash.Compute(bytes))
                .ToJwt();
            deliveries[i] = (bytes, authorization);
        }
        return new WebhookCorpus(credentials, deliveries);
    }

    private static string SamplesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Shared.Tests", "LiveKit", "Webhooks", "Samples");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("webhook samples not found above " + AppContext.BaseDirectory);
    }
}
