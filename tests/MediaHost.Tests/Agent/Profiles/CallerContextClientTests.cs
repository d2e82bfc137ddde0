using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.MediaHost.Agent.Profiles;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Agent.Profiles;

/// <summary>The caller-context lookup against a loopback HTTP server: its JSON enters the prompt; a slow or failed
/// lookup gives nothing within its timeout and is logged without the secret header or the caller's number.</summary>
public sealed class CallerContextClientTests
{
    private const string Secret = "s3cr3t-token-value";

    private static string Yaml(string url, int timeoutMs) => ProfileFiles.TwoAgents.Replace("      recording: {enabled: true, consent_phrase: \"This call is recorded.\"}",
        $"      caller_context:\n        url: \"{url}\"\n        timeout_ms: {timeoutMs}\n        headers:\n          - {{name: Authorization, value: \"${{CRM_TOKEN}}\"}}");

    [Fact]
    public async Task Answer_of_the_lookup_is_given_as_compact_JSON_with_the_secret_header_sent()
    {
        using var server = new LoopbackHttp(async context =>
        {
            context.Response.ContentType = "application/json";
            var body = context.Request.Headers["Authorization"] == Secret && context.Request.QueryString["caller"] == "+15551234567"
                ? """{ "name": "Ada", "tier": "gold" }""" : """{"wrong":"request"}""";
            await context.Response.OutputStream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(body));
        });
        using var files = new ProfileFiles(Yaml(server.Url, 2000));
        files.Store.LoadAtStart();
        var client = new CallerContextClient(new HttpClient(), TimeProvider.System, new ListLogger<CallerContextClient>(), name => name == "CRM_TOKEN" ? Secret : null);

        var context = await client.LookUpAsync(files.Selector.Choose(Inbound()), "call-1", CancellationToken.None).DefaultTimeout();

        Assert.Equal("""{"name":"Ada","tier":"gold"}""", context);
    }

    [Fact]
    public async Task Lookup_slower_than_its_timeout_gives_nothing_and_is_logged_without_secrets()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var server = new LoopbackHttp(async context =>
        {
            await release.Task;
            context.Response.StatusCode = 200;
        });
        using var files = new ProfileFiles(Yaml(server.Url, 300));
        files.Store.LoadAtStart();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var log = new ListLogger<CallerContextClient>();
        var client = new CallerContextClient(new HttpClient(), time, log, name => name == "CRM_TOKEN" ? Secret : null);

        var lookup = client.LookUpAsync(files.Selector.Choose(Inbound()), "call-1", CancellationToken.None);
        await server.Requested.DefaultTimeout();
        time.Advance(TimeSpan.FromMilliseconds(300));
        var context = await lookup.DefaultTimeout();
        release.SetResult();

        Assert.Null(context);
        var line = Assert.Single(log.Lines);
        Assert.Contains("no answer within 300 ms", line);
        Assert.DoesNotContain(Secret, line);
        Assert.DoesNotContain("+15551234567", line);
    }

    [Theory]
    [InlineData(500, "not json", "HTTP 500")]
    [InlineData(200, "<html>", "the answer is not JSON")]
    public async Task Failed_lookup_gives_nothing_and_says_why(int status, string body, string why)
    {
        using var server = new LoopbackHttp(async context =>
        {
            context.Response.StatusCode = status;
            await context.Response.OutputStream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(body));
        });
        using var files = new ProfileFiles(Yaml(server.Url, 2000));
        files.Store.LoadAtStart();
        var log = new ListLogger<CallerContextClient>();
        var client = new CallerContextClient(new HttpClient(), TimeProvider.System, log, _ => Secret);

        Assert.Null(await client.LookUpAsync(files.Selector.Choose(Inbound()), "call-1", CancellationToken.None).DefaultTimeout());
        Assert.Contains(why, Assert.Single(log.Lines));
    }

    private static InboundCall Inbound() => new("sip-1", "+15551234567", "+15550000002", new Dictionary<string, string>(), "PCMU/8000");

    /// <summary>An HttpListener on a free loopback port answering each request with <paramref name="answer"/>.</summary>
    private sealed class LoopbackHttp : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly TaskCompletionSource _requested = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LoopbackHttp(Func<HttpListenerContext, Task> answer)
        {
            Url = $"http://127.0.0.1:{FreePort.Next()}/callers/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync();
                    }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                    {
                        return;
                    }
                    _requested.TrySetResult();
                    try
                    {
                        await answer(context);
                        context.Response.Close();
                    }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                    {
                        // The client gave up (timeout test).
                    }
                }
            });
        }

        public string Url { get; }

        public Task Requested => _requested.Task;

        public void Dispose() => _listener.Close();
    }

    private sealed class ListLogger<T> : ILogger<T>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.Add(formatter(state, exception) + exception);
            }
        }
    }
}
