using VoiceFunctions.System.Tests;

namespace VoiceFunctions.Console.Tests;

/// <summary>
/// One local control plane (on Azurite, tables and task hub of its own) and one headless Chromium for the browser
/// tests of a class: starting them is most of a browser test's time, and each test opens the page afresh.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    private LocalControlPlane? _controlPlane;
    private ChromiumBrowser? _browser;

    internal LocalControlPlane ControlPlane => _controlPlane ?? throw new InvalidOperationException("the fixture did not start");

    internal ChromiumBrowser Browser => _browser ?? throw new InvalidOperationException("the fixture did not start");

    /// <summary>The API key the control plane accepts, as an operator would paste it into the page.</summary>
    internal string ApiKey => ControlPlane.Http.DefaultRequestHeaders.GetValues("x-functions-key").Single();

    /// <summary>A start that skipped or failed (a missing tool): rethrown by each test, so it skips or fails with the reason.</summary>
    internal Exception? StartFailure { get; private set; }

    public async Task InitializeAsync()
    {
        try
        {
            _controlPlane = await LocalControlPlane.StartAsync(Settings());
            _browser = ChromiumBrowser.Start();
        }
        catch (Exception e)
        {
            StartFailure = e;
        }
    }

    /// <summary>The private container the control plane signs recording links for (created at start).</summary>
    internal Azure.Storage.Blobs.BlobContainerClient Recordings { get; } =
        new Azure.Storage.Blobs.BlobServiceClient(TestSupport.Azurite.ConnectionString).GetBlobContainerClient("console-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>A part of the alert webhook's address that stands for its secret: it must never reach the page.</summary>
    internal const string AlertWebhookSecretPart = "hook-secret-part";

    /// <summary>The app role an Entra ID user needs to read the API (Api:RequiredAppRole).</summary>
    internal const string EntraAppRole = "Console.Read";

    private Dictionary<string, string?> Settings()
    {
        TestSupport.Azurite.RequireRunning();
        Recordings.CreateIfNotExists();
        return new()
        {
            // As behind App Service Authentication: a user signed in with Entra ID who holds the app role is let in.
            ["Api:TrustAppServicePrincipal"] = "true",
            ["Api:RequiredAppRole"] = EntraAppRole,
            // A closed loopback port: an alert is refused there, which the health view shows.
            ["Health:AlertWebhookUrl"] = $"http://127.0.0.1:{TestSupport.FreePort.Next()}/{AlertWebhookSecretPart}",
            ["Recording:Enabled"] = "true",
            ["Recording:BlobServiceUri"] = "http://127.0.0.1:10000/devstoreaccount1",
            ["Recording:AccountName"] = "devstoreaccount1",
            // Azurite's documented development account key (public, not a secret).
            ["Recording:AccountKey"] = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
            ["Recording:ContainerName"] = Recordings.Name,
        };
    }

    public async Task DisposeAsync()
    {
        await Recordings.DeleteIfExistsAsync();
        _browser?.Dispose();
        if (_controlPlane is not null)
        {
            await _controlPlane.DisposeAsync();
        }
    }
}
