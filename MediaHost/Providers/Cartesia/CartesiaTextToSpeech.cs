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
/// messages arrive, until "done". An "error" message fails the sentence with its status_code. Sockets are reused
/// between sentences (<see cref="CartesiaSocketPool"/>: the vendor's socket multiplexes contexts), so a call's
/// sentences after its first pay no handshake; a pooled socket the vendor closed meanwhile is replaced before the
/// sentence's first message, without failing it. Default model sonic-3 (Russian).
/// </summary>
public sealed class CartesiaTextToSpeech(ProviderOptions options, TimeProvider time) : ITextToSpeech, IAsyncDisposable
{
    public const string DefaultEndpoint = "wss://api.cartesia.ai";
    public const string DefaultModel = "sonic-3";

    /// <summary>The API version sent in Cartesia-Version (a dated version the vendor documents).</summary>
    public const string ApiVersion = "2025-04-16";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Name => options.DisplayName;

    /// <summary>The sockets between sentences.</summary>
    public CartesiaSocketPool Pool { get; } = new(time);

    public async IAsyncEnumerable<short[]> SynthesizeAsync(string text, string language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var context = Guid.NewGuid().ToString("N");
        var (socket, reused) = await OpenContextAsync(context, text, language, fresh: false, cancellationToken).ConfigureAwait(false);
        var completed = false;
        try
        {
            var framer = new PcmFramer(AudioFormat.SampleRate);
            using var deadline = new StreamIdleDeadline(Name, TimeSpan.FromSeconds(options.StreamIdleTimeoutSeconds), time, cancellationToken);
            var first = true;
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
                catch (ProviderException) when (first && reused)
                {
                    received = null; // a pooled socket the vendor dropped while it was idle
                }
                if (received is null && first && reused)
                {
                    await socket.DisposeAsync().ConfigureAwait(false);
                    (socket, reused) = await OpenContextAsync(context, text, language, fresh: true, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                if (received is not { } json)
                {
                    throw new ProviderException(Name, "the socket closed before the context was done", isTransient: true);
                }
                first = false;
                var message = CartesiaMessage.Parse(json.Span);
                if (message.ContextId is { } id && id != context)
                {
                    continue; // another context's message: one context at a time runs on a socket, but the protocol multiplexes
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
            completed = true;
            foreach (var frame in framer.Complete())
            {
                yield return frame;
            }
        }
        finally
        {
            if (completed)
            {
                Pool.Return(socket);
            }
            else
            {
                await socket.DisposeAsync().ConfigureAwait(false); // failed or abandoned mid-context: its state is unknown
            }
        }
    }

    public ValueTask DisposeAsync() => Pool.DisposeAsync();

    /// <summary>Starts the sentence's context on a pooled socket (unless <paramref name="fresh"/>) or a new one; says which.</summary>
    private async Task<(VendorWebSocket Socket, bool Reused)> OpenContextAsync(string context, string text, string language, bool fresh, CancellationToken cancellationToken)
    {
        if (!fresh && await Pool.TryRentAsync().ConfigureAwait(false) is { } pooled)
        {
            try
            {
                await SendContextAsync(pooled, context, text, language, cancellationToken).ConfigureAwait(false);
                return (pooled, true);
            }
            catch (ProviderException)
            {
                await pooled.DisposeAsync().ConfigureAwait(false); // the vendor dropped it while idle: a new socket takes the sentence
            }
        }
        var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + options.ApiKey, ["Cartesia-Version"] = ApiVersion };
        var socket = await VendorWebSocket.ConnectAsync(Name, SocketUri(options), headers, TimeSpan.FromSeconds(options.AttemptTimeoutSeconds), time, cancellationToken)
            .ConfigureAwait(false);
        try
        {
            await SendContextAsync(socket, context, text, language, cancellationToken).ConfigureAwait(false);
            return (socket, false);
        }
        catch
        {
            await socket.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task SendContextAsync(VendorWebSocket socket, string context, string text, string language, CancellationToken cancellationToken)
    {
        await socket.SendTextAsync(Request(context, text.EndsWith(' ') ? text : text + " ", language, more: true), cancellationToken).ConfigureAwait(false);
        await socket.SendTextAsync(Request(context, "", language, more: false), cancellationToken).ConfigureAwait(false);
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
