using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using VoiceFunctions.Functions;

// The isolated worker's entry point. Function classes stay thin; their logic lives in Shared and in
// the handlers registered here (the local host registers the same ones).
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddControlPlane(builder.Configuration);
builder.Build().Run();
