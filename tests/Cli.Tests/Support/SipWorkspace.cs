using VoiceFunctions.Cli.LiveKit;
using VoiceFunctions.TestSupport.LoopbackLiveKit;

namespace VoiceFunctions.Cli.Tests.Support;

/// <summary>
/// A loopback LiveKit API test server plus a temporary folder holding a voice.yaml, and the environment
/// voicectl needs to reach the server. Runs the real voicectl against both.
/// </summary>
public sealed class SipWorkspace : IAsyncDisposable
{
    private SipWorkspace(LoopbackLiveKitApiTestServer server, string folder)
    {
        Server = server;
        Folder = folder;
        Environment = new Dictionary<string, string?>(CorpusEnvironment.Variables)
        {
            ["LIVEKIT_URL"] = server.WebSocketUrl,
            ["LIVEKIT_API_KEY"] = server.ApiKey,
            ["LIVEKIT_API_SECRET"] = server.ApiSecret,
            ["NOVOFON_SIP_USER"] = "novofon-user",
            ["NOVOFON_SIP_PASSWORD"] = "novofon-pass-" + Guid.NewGuid().ToString("N")[..8],
        };
    }

    public LoopbackLiveKitApiTestServer Server { get; }

    public string Folder { get; }

    public string FilePath => Path.Combine(Folder, "voice.yaml");

    public Dictionary<string, string?> Environment { get; }

    public string BackupFolder => Path.Combine(Folder, ".voicectl", "backups");

    public static async Task<SipWorkspace> StartAsync()
    {
        var server = await LoopbackLiveKitApiTestServer.StartAsync();
        var folder = Path.Combine(Path.GetTempPath(), "voicectl-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new SipWorkspace(server, folder);
    }

    public void Write(string yaml) => File.WriteAllText(FilePath, yaml);

    public Task<VoicectlProcess.Result> RunAsync(params string[] args) => VoicectlProcess.RunAsync(Environment, args);

    /// <summary>
    /// Runs <c>sip export</c> of the workspace's file into <paramref name="exported"/>, then sets the variables the
    /// exported file names each trunk's credentials by (NOVOFON_RU_SIP_*, MEDIAHOST_SIP_*: derived from the trunk
    /// names) to the workspace's credentials, so the exported file can be planned with the same secrets.
    /// </summary>
    public async Task<VoicectlProcess.Result> ExportAsync(string exported)
    {
        var export = await RunAsync("sip", "export", "--file", FilePath, "--output", exported);
        foreach (var trunk in new[] { "NOVOFON_RU", "MEDIAHOST" })
        {
            Environment[trunk + "_SIP_USER"] = Environment["NOVOFON_SIP_USER"];
            Environment[trunk + "_SIP_PASSWORD"] = Environment["NOVOFON_SIP_PASSWORD"];
        }
        return export;
    }

    /// <summary>An in-process client for seeding and checking the server, as another operator would.</summary>
    public LiveKitConnection Connect() =>
        LiveKitConnection.Open(new LiveKitTarget(Server.WebSocketUrl, Server.ApiKey, Server.ApiSecret), TimeProvider.System, TimeSpan.FromSeconds(10));

    /// <summary>The method names of the requests the server received after <paramref name="skip"/> earlier ones.</summary>
    public string[] MethodsSince(int skip) => Server.Requests.Skip(skip).Select(r => r.Method).ToArray();

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
