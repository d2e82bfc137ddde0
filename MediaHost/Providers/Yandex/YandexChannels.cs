using System.Collections.Concurrent;
using Grpc.Net.Client;
using VoiceFunctions.MediaHost.Providers.Configuration;

namespace VoiceFunctions.MediaHost.Providers.Yandex;

/// <summary>
/// One gRPC channel per Yandex endpoint for the process (a channel holds the HTTP/2 connections; creating one per
/// call would pay a TLS handshake per utterance). Plain "http://" endpoints (the loopback fakes) use h2c.
/// </summary>
public static class YandexChannels
{
    private static readonly ConcurrentDictionary<string, GrpcChannel> Channels = new();

    public static GrpcChannel For(ProviderOptions options, string defaultEndpoint) =>
        Channels.GetOrAdd(options.Endpoint.Length > 0 ? options.Endpoint : defaultEndpoint, endpoint => GrpcChannel.ForAddress(endpoint, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) },
            MaxReceiveMessageSize = 4 * 1024 * 1024,
        }));
}
