using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.ControlPlane;
using VoiceFunctions.MediaHost.Hosting;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Outbound;

/// <summary>Outbound calling in direct mode: the options (section "Outbound"), the placer and the HTTP endpoint the control plane calls.</summary>
public static class OutboundServiceCollectionExtensions
{
    public static IServiceCollection AddOutboundCalling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboundDialOptions>().Bind(configuration.GetSection(OutboundDialOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new OutboundCallPlacer(
            () => sp.GetRequiredService<SipHostedService>().UserAgent,
            sp.GetRequiredService<ICallHandler>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<OutboundDialOptions>>().Value,
            Environment.GetEnvironmentVariable,
            sp.GetRequiredService<ILogger<OutboundCallPlacer>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<CallEventReporter>()));
        services.AddSingleton(sp => new OutboundDialRequestHandler(sp.GetRequiredService<OutboundCallPlacer>(), sp.GetService<ControlPlaneOptions>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<OutboundDialRequestHandler>>()));
        return services;
    }

    /// <summary>Maps POST /calls/outbound on the internal port only (the control plane's dial request; signed, see <see cref="OutboundDialRequestHandler"/>).</summary>
    public static IEndpointRouteBuilder MapOutboundCalls(this IEndpointRouteBuilder app)
    {
        app.MapPost(OutboundDialRequestHandler.Path, async (HttpContext context, OutboundDialRequestHandler handler) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            var answer = await handler.HandleAsync(context.Request.Headers[Shared.Outbound.BodySignature.HeaderName].ToString(), buffer.ToArray(), context.RequestAborted).ConfigureAwait(false);
            return answer.Result is { } result
                ? Results.Json(result, CallsApiJson.Options, statusCode: answer.Status)
                : Results.Text(answer.Error, "text/plain", statusCode: answer.Status);
        }).InternalOnly(); // the control plane calls the internal port (InternalHttp:Url); the public one answers 404

        return app;
    }
}
