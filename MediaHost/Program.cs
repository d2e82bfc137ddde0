using System.Net;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.ControlPlane;
using VoiceFunctions.MediaHost.Hosting;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.Shared.Observability;
using VoiceFunctions.Shared.Observability.Logging;

// The MediaHost: a long-lived service that terminates SIP and RTP and runs the audio loop.
// The SIP stack runs as a hosted service; the RTP media path (section "Rtp") carries the audio; the AI loop answers
// (with AiLoop:Enabled=false the built-in echo behaviour does: a prompt, then what the caller says, echoed back).
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders().AddVoiceFunctionsJsonConsole();
builder.Services.AddVoiceFunctionsTelemetry(builder.Configuration, "voicefunctions-mediahost");
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
{
    builder.WebHost.UseUrls($"http://0.0.0.0:{MediaHostPorts.Http}");
}

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddOptions<SipOptions>().Bind(builder.Configuration.GetSection(SipOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<SipOptions>, SipOptionsValidator>();
builder.Services.AddSingleton<SipMetrics>();
builder.Services.AddSingleton<ICallHandler, AnsweringCallHandler>();
builder.Services.AddSingleton<IMediaSessionFactory>(services => new HoldingMediaSessionFactory(
    IPAddress.Parse(services.GetRequiredService<IOptions<SipOptions>>().Value.MediaBindAddress), services.GetRequiredService<TimeProvider>()));
builder.Services.AddRtpMedia(builder.Configuration,
    services => IPAddress.Parse(services.GetRequiredService<IOptions<SipOptions>>().Value.MediaBindAddress));
// Calls are reported to the control plane when ControlPlane:BaseUrl is set (direct mode: the first event starts the call).
var reporting = builder.Services.AddControlPlaneReporting(builder.Configuration);
// The AI loop replaces the built-in answering handler unless AiLoop:Enabled is false.
builder.Services.AddVoiceAgent(builder.Configuration);
if (reporting)
{
    builder.Services.DecorateCallHandlerWithReporting();
}
builder.Services.AddSingleton<SipHostedService>();
builder.Services.AddHostedService(services => services.GetRequiredService<SipHostedService>());
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
app.Run();
