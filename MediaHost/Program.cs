using VoiceFunctions.MediaHost.Hosting;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.Shared.Observability;
using VoiceFunctions.Shared.Observability.Logging;

// The MediaHost: a long-lived service that terminates SIP and RTP and runs the audio loop. AddMediaHost wires it all
// (SIP, RTP, the call handler — the AI loop, or with AiLoop:Enabled=false the built-in echo — and its decorators).
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders().AddVoiceFunctionsJsonConsole();
builder.Services.AddVoiceFunctionsTelemetry(builder.Configuration, "voicefunctions-mediahost");
// Two HTTP listeners: the public one (--urls / ASPNETCORE_HTTP_PORTS / 8080) answers only the liveness probe; the
// internal one (InternalHttp:Url, 9090) also serves /metrics and the detailed /health.
var internalHttp = builder.Configuration.GetSection(InternalHttpOptions.Section).Get<InternalHttpOptions>() ?? new InternalHttpOptions();
builder.WebHost.UseUrls(InternalListener.ListenUrls(builder.Configuration["urls"], builder.Configuration["http_ports"], internalHttp.Url));
builder.Services.AddMediaHost(builder.Configuration);
builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(60));

var app = builder.Build();
app.UseInternalOnlyEndpoints(new Uri(internalHttp.Url).Port);
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
}).InternalOnly();
// SIP, media and agent instruments are all VoiceFunctions.* meters: one Prometheus endpoint serves them.
app.MapVoiceFunctionsMetrics().InternalOnly();
app.Run();
