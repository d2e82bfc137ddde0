namespace VoiceFunctions.MediaHost.Hosting;

/// <summary>
/// Endpoints marked <see cref="InternalOnly{TBuilder}"/> answer only connections that arrived on the internal port; on
/// any other port they answer 404, as if they did not exist. Decided by the connection's local port (which a client
/// cannot choose with a Host header), in a middleware that runs after routing picked the endpoint.
/// </summary>
public static class InternalEndpointExtensions
{
    public static TBuilder InternalOnly<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(InternalOnlyMarker.Instance);

    public static IApplicationBuilder UseInternalOnlyEndpoints(this IApplicationBuilder app, int internalPort) =>
        app.Use(next => context =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<InternalOnlyMarker>() is not null && context.Connection.LocalPort != internalPort)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(context);
        });

    private sealed class InternalOnlyMarker
    {
        public static readonly InternalOnlyMarker Instance = new();
    }
}
