using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Providers.Configuration;
using VoiceFunctions.MediaHost.Providers.Speech;
using VoiceFunctions.MediaHost.Providers.WebSockets;

namespace VoiceFunctions.MediaHost.Providers.Cartesia;

/// <summary>
/// Cartesia text-to-speech over its WebSocket (/tts/websocket): "Authorization: Bearer" and "Cartesia-Version" at the
/// upgrade; one context per sentence — the sentence with continue:true, then the documented end of input (an empty
/// transcript with continue:false) on the same context_id; raw pcm_s16le at 16 kHz out, framed as the "chunk"
/// messages arrive, until "done". An "error" message fails the sentence with its status_code. One socket per sentence
/// (the handshake is paid each time; a socket kept per call and multiplexed by context is not built).
/// Default model sonic-3 (Russian).
/// </summary>
public sealed class CartesiaTextToSpeech(ProviderOptions options, TimeProvider time) : ITextToSpeech
{
    public const string DefaultEndpoint = "wss://api.cartesia.ai";
    public const string DefaultModel = "sonic-3";

    /// <summary>The API version sent in Cartesia-Version (a dated version the vendor documents).</summary>
    public const string ApiVersion = "2025-04-16";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Name => options.DisplayName;

    public async IAsyncEnumerable<short[]> SynthesizeAsync(string text, string language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + options.ApiKey, ["Cartesia-Version"] = ApiVersion };
        await using var socket = await VendorWebSocket.ConnectAsync(Name, SocketUri(options), headers, TimeSpan.FromSeconds(options.AttemptTimeoutSeconds), time, cancellationToken)
            .ConfigureAwait(false);
        var context = Guid.NewGuid().ToString("N");
        await socket.SendTextAsync(Request(context, text.EndsWith(' ') ? text : text + " ", language, more: true), cancellationToken).ConfigureAwait(false);
        await socket.SendTextAsync(Request(context, "", language, more: false), cancellationToken).ConfigureAwait(false);
        var framer = new PcmFramer(AudioFormat.SampleRate);
        using var deadline = new StreamIdleDeadline(Name, TimeSpan.FromSeconds(options.StreamIdleTimeoutSeconds), time, cancellationToken);
        while (true)
        {
            ReadOnlyMemory<byte>? received;
            try
            {
                received = await socket.ReceiveTextAsync(deadline.Token).ConfigureAwait(false);
                deadline.MessageArrived();
            }
            catch (OperationCanceledException) when (deadline.Expired)
            {
                throw deadline.Timeout();
            }
            if (received is not { } json)
            {
                throw new ProviderException(Name, "the socket closed before the context was done", isTransient: true);
            }
            var message = CartesiaMessage.Parse(json.Span);
            if (message.ContextId is { } id && id != context)
            {
                continue; // another context's message: none are opened on this socket, but the protocol multiplexes
            }
            if (message.Error is { } error)
            {
                var status = message.StatusCode ?? 500;
                throw new ProviderException(Name, $"error message {status}: {error}", ProviderException.IsTransientStatus(status), status);
            }
            if (message.Audio is { Length: > 0 } audio)
            {
                foreach (var frame in framer.Add(audio))
                {
                    yield return frame;
                }
            }
            if (message.Done)
            {
                break;
            }
        }
        foreach (var frame in framer.Complete())
        {
            yield return frame;
        }
    }

    public static Uri SocketUri(ProviderOptions options) =>
        new((options.Endpoint.Length > 0 ? options.Endpoint : DefaultEndpoint).TrimEnd('/') + "/tts/websocket");

    private string Request(string context, string transcript, string language, bool more) => JsonSerializer.Serialize(new
    {
        context_id = context,
        model_id = options.Model.Length > 0 ? options.Model : DefaultModel,
        transcript,
        voice = new { mode = "id", id = options.Voice },
        output_format = new { container = "raw", encoding = "pcm_s16le", sample_rate = AudioFormat.SampleRate },
        language = language.Split('-')[0].ToLowerInvariant(),
        @continue = more,
    }, Json);
}
