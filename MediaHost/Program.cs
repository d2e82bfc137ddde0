using VoiceFunctions.MediaHost.Hosting;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.Outbound;
using VoiceFunctions.Shared.Observability;
using VoiceFunctions.Shared.Observability.Logging;

// The MediaHost: a long-lived service that terminates SIP and RTP and runs the audio loop. AddMediaHost wires it all
// (SIP, RTP, the call handler — the AI loop, or with AiLoop:Enabled=false the built-in echo — and its decorators).
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders().AddVoiceFunctionsJsonConsole();
builder.Services.AddVoiceFunctionsTelemetry(builder.Configuration, "voicefunctions-mediahost");
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
{
    builder.WebHost.UseUrls($"http://0.0.0.0:{MediaHostPorts.Http}");
}
builder.Services.AddMediaHost(builder.Configuration);
builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(60));

var app = builder.Build();
app.MapGet(HealthEndpoints.Live, () => Results.Json(new { status = "alive" }));
app.MapGet(HealthEndpoints.Ready, (SipHostedService sip, MediaMetrics media) =>
{
    var running = sip.State == SipServiceState.Running;
    return Results.Json(new
    {
        status = running ? "ok" : sip.State.ToString().ToLowerInvariant(),
        sip = new { state = sip.State.ToString(), udp = sip.UdpEndpoint?.ToString(), tcp = sip.TcpEndpoint?.ToString(), activeCalls = sip.ActiveCalls, registered = sip.Registered },
        rtp = new { activeCalls = media.Snapshot().ActiveCalls },
    }, statusCode: running ? 200 : 503);
});
// SIP, media and agent instruments are all VoiceFunctions.* meters: one Prometheus endpoint serves them.
app.MapVoiceFunctionsMetrics();
app.MapOutboundCalls();
app.Run();
