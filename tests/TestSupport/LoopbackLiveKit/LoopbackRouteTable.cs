using System.Text.Json;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.Shared.LiveKit.Api.Json;
using VoiceFunctions.Shared.LiveKit.Auth;

namespace VoiceFunctions.TestSupport.LoopbackLiveKit;

/// <summary>
/// The Twirp methods the loopback server serves. Each route decodes the body (either JSON casing, unknown
/// fields ignored, as the server's protojson does), checks the method's grant, then runs the handler.
/// </summary>
internal sealed class LoopbackRouteTable
{
    internal delegate Task<(object Response, Type Type)> Route(byte[] body, ClaimGrants? claims, CancellationToken cancellationToken);

    private readonly Dictionary<string, Route> _routes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _requestTypes = new(StringComparer.Ordinal);

    /// <summary>The request message type of a method, or null for a method not served.</summary>
    public Type? RequestTypeOf(string fullName) => _requestTypes.GetValueOrDefault(fullName);

    public bool TryGet(string fullName, out Route route) => _routes.TryGetValue(fullName, out route!);

    public IEnumerable<string> Methods => _routes.Keys;

    public void Map<TRequest, TResponse>(TwirpMethod method, Action<ClaimGrants?, TRequest> authorize, Func<TRequest, TResponse> handle)
        where TResponse : notnull =>
        Map<TRequest, TResponse>(method, authorize, (request, _) => Task.FromResult(handle(request)));

    public void Map<TRequest, TResponse>(TwirpMethod method, Action<ClaimGrants?, TRequest> authorize, Func<TRequest, CancellationToken, Task<TResponse>> handle)
        where TResponse : notnull
    {
        _requestTypes[method.FullName] = typeof(TRequest);
        _routes[method.FullName] = async (body, claims, cancellationToken) =>
        {
            TRequest request;
            try
            {
                request = JsonSerializer.Deserialize<TRequest>(body, LiveKitJson.Server) ?? throw new JsonException("null body");
            }
            catch (JsonException)
            {
                throw new LoopbackTwirpException(TwirpErrorCode.Malformed, "the json request could not be decoded");
            }
            authorize(claims, request);
            var response = await handle(request, cancellationToken).ConfigureAwait(false);
            return (response, typeof(TResponse));
        };
    }
}
