using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using VoiceFunctions.Functions;
using VoiceFunctions.Shared.Observability;
using VoiceFunctions.Shared.Observability.Logging;

// The isolated worker's entry point. Function classes stay thin; their logic lives in Shared and in
// the handlers registered here (the local host registers the same ones).
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddControlPlane(builder.Configuration);
// Secrets are masked in front of every logger provider, including the one that forwards to the Functions host.
builder.Services.AddLogRedaction();
// JSON lines on the console only off Azure: there the host already collects the worker's logs, and the
// worker's stdout would be recorded a second time.
if (string.IsNullOrEmpty(builder.Configuration["WEBSITE_INSTANCE_ID"]))
{
    builder.Logging.AddVoiceFunctionsJsonConsole();
}
builder.Services.AddVoiceFunctionsTelemetry(builder.Configuration, "voicefunctions-control-plane");
builder.Build().Run();
