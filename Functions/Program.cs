using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
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
// The worker exports its own telemetry (above); these defaults tell the host so (the "WorkerOpenTelemetryEnabled"
// capability, with host.json's telemetryMode OpenTelemetry), so the host does not send the worker's logs a second
// time, and add the Azure Functions resource attributes (site, region, resource id) to what the worker exports.
builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
builder.Build().Run();
