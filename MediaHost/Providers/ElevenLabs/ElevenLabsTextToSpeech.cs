using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Providers.Configuration;
using VoiceFunctions.MediaHost.Providers.Speech;
using VoiceFunctions.MediaHost.Providers.WebSockets;

using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Providers.ElevenLabs;

/// <summary>
/// ElevenLabs text-to-speech over its stream-input WebSocket: "xi-api-key" at the upgrade, pcm_16000 output, the
/// init message (one space), the sentence with flush, then the end-of-input message; base64 audio messages are
/// framed as they arrive until {"isFinal":true}. Default model eleven_flash_v2_5 (Russian, ~75 ms).
/// </summary>
public sealed class ElevenLabsTextToSpeech(ProviderOptions options, TimeProvider time) : ITextToSpeech
{
    public const string DefaultEndpoint = "wss://api.elevenlabs.io";
    public const string DefaultModel = "eleven_flash_v2_5";
    private const string Init = """{"text":" ","voice_settings":{"stability":0.5,"similarity_boost":0.75,"speed":1.0}}""";
    private const string EndOfInput = """{"text":""}""";
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Name => options.DisplayName;

    public async IAsyncEnumerable<short[]> SynthesizeAsync(string text, string language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var socket = await VendorWebSocket.ConnectAsync(Name, StreamInputUri(options, language),
            new Dictionary<string, string> { ["xi-api-key"] = options.ApiKey }, TimeSpan.FromSeconds(options.AttemptTimeoutSeconds), time, cancellationToken).ConfigureAwait(false);
        await socket.SendTextAsync(Init, cancellationToken).ConfigureAwait(false);
        await socket.SendTextAsync(JsonSerializer.Serialize(new { text = text.EndsWith(' ') ? text : text + " ", flush = true }, Json), cancellationToken).ConfigureAwait(false);
        await socket.SendTextAsync(EndOfInput, cancellationToken).ConfigureAwait(false);
        var framer = new PcmFramer(AudioFormat.SampleRate);
        var idleTimeout = TimeSpan.FromSeconds(options.StreamIdleTimeoutSeconds);
        using var deadline = new StreamIdleDeadline(Name, idleTimeout, time, cancellationToken);
        while (true)
        {
            ReadOnlyMemory<byte>? message;
            try
            {
                message = await socket.ReceiveTextAsync(deadline.Token).ConfigureAwait(false);
                deadline.MessageArrived();
            }
            catch (OperationCanceledException) when (deadline.Expired)
            {
                throw deadline.Timeout();
            }
            if (message is not { } json)
            {
                break; // closed (1000) after the final message
            }
            var parsed = ElevenLabsMessage.Parse(json.Span);
            if (parsed.Error is { } error)
            {
                throw new ProviderException(Name, "error message: " + error, isTransient: false);
            }
            if (parsed.Audio is { Length: > 0 } audio)
            {
                foreach (var frame in framer.Add(audio))
                {
                    yield return frame;
                }
            }
            if (parsed.IsFinal)
            {
                break;
            }
        }
        foreach (var frame in framer.Complete())
        {
            yield return frame;
        }
    }

    public static Uri StreamInputUri(ProviderOptions options, string language)
    {
        var endpoint = (options.Endpoint.Length > 0 ? options.Endpoint : DefaultEndpoint).TrimEnd('/');
        var model = options.Model.Length > 0 ? options.Model : DefaultModel;
        var languageCode = language.Split('-')[0].ToLowerInvariant();
        return new Uri($"{endpoint}/v1/text-to-speech/{Uri.EscapeDataString(options.Voice)}/stream-input?model_id={Uri.EscapeDataString(model)}&output_format=pcm_16000&language_code={languageCode}");
    }
}
