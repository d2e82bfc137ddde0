using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoiceFunctions.Shared.Observability;
using VoiceFunctions.Shared.Observability.Logging;

namespace VoiceFunctions.Benchmarks.Observability;

/// <summary>
/// What masking costs per log line: the redactor on a clean line, on a SIP INVITE with digest credentials, and
/// the whole logging call through the redacting factory versus the plain factory (a provider that discards).
/// Logging is not on the per-packet path; this shows the price of masking every line.
/// </summary>
[MemoryDiagnoser]
public class RedactionBenchmarks
{
    private const string CleanLine = "Call call-42 answered after 180 Ringing; codec PCMU, 20 ms frames, turn 3 took 812 ms";
    private const string Invite =
        "INVITE sip:agent@mediahost.example SIP/2.0\r\nVia: SIP/2.0/UDP 203.0.113.7:5060;branch=z9hG4bK776asdhds\r\n"
        + "From: <sip:+79161234567@sip.provider.example>;tag=1928301774\r\nTo: <sip:agent@mediahost.example>\r\n"
        + "Call-ID: a84b4c76e66710@pc33.example\r\nCSeq: 2 INVITE\r\n"
        + "Authorization: Digest username=\"livekit\", realm=\"mediahost\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"sip:agent@mediahost.example\", response=\"6629fae49393a05397450978507c4ef1\"\r\n"
        + "Content-Type: application/sdp\r\nContent-Length: 0\r\n\r\n";

    private readonly SecretRedactor _redactor = new(new RedactionOptions(), ["c2VjcmV0LXZhbHVlLWZvci1iZW5jaG1hcms="]);
    private ServiceProvider _plain = null!;
    private ServiceProvider _redacting = null!;
    private ILogger _plainLogger = null!;
    private ILogger _redactingLogger = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plain = new ServiceCollection().AddLogging(l => l.AddProvider(new DiscardingProvider())).BuildServiceProvider();
        _redacting = new ServiceCollection().AddLogging(l => l.AddProvider(new DiscardingProvider())).AddLogRedaction().BuildServiceProvider();
        _plainLogger = _plain.GetRequiredService<ILoggerFactory>().CreateLogger("bench");
        _redactingLogger = _redacting.GetRequiredService<ILoggerFactory>().CreateLogger("bench");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _plain.Dispose();
        _redacting.Dispose();
    }

    [Benchmark]
    public string Redact_clean_line() => _redactor.Redact(CleanLine);

    [Benchmark]
    public string Redact_sip_invite_with_digest() => _redactor.Redact(Invite);

    [Benchmark(Baseline = true)]
    public void Log_structured_line_plain_factory() => _plainLogger.LogInformation("Call {CallId} turn {Turn} took {Ms} ms", "call-42", 3, 812);

    [Benchmark]
    public void Log_structured_line_redacting_factory() => _redactingLogger.LogInformation("Call {CallId} turn {Turn} took {Ms} ms", "call-42", 3, 812);

    /// <summary>A provider that formats the message (as a real sink would) and drops it.</summary>
    private sealed class DiscardingProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new DiscardingLogger();

        public void Dispose()
        {
        }

        private sealed class DiscardingLogger : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => NullScope.Instance;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                GC.KeepAlive(formatter(state, exception));
        }

        private sealed class NullScope : IDisposable
        {
            public static readonly NullScope Instance = new();

            public void Dispose()
            {
            }
        }
    }
}
