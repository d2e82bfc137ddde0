using VoiceFunctions.MediaHost.Hosting;

// The MediaHost: a long-lived service that terminates SIP and RTP and runs the audio loop.
// Until the SIP stack lands it only serves its health endpoints.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet(HealthEndpoints.Live, () => Results.Json(new { status = "alive" }));
app.MapGet(HealthEndpoints.Ready, () => Results.Json(new { status = "starting", sip = "not implemented yet", rtp = "not implemented yet" }, statusCode: 503));
app.Run();
