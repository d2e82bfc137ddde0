namespace VoiceFunctions.MediaHost.Tests.Providers.Fakes;

/// <summary>What a vendor fake does with the next session: answer normally, or fail the way the vendor documents.</summary>
public enum FakeBehaviour
{
    /// <summary>Interims then a final (STT), or audio in chunks (TTS).</summary>
    Normal,
    /// <summary>Refuse with the vendor's "too many requests" (HTTP 429 / gRPC RESOURCE_EXHAUSTED) and a Retry-After.</summary>
    RateLimited,
    /// <summary>Refuse with a server error (HTTP 503 / gRPC UNAVAILABLE).</summary>
    ServerError,
    /// <summary>Start answering, then drop the connection without a close.</summary>
    DropMidStream,
    /// <summary>Hold the first result back for <see cref="FakeScript.FirstResultDelay"/>.</summary>
    SlowFirstResult,
}

/// <summary>The script the vendor fakes follow; a test sets it before it calls the adapter. Thread-safe enough for one test.</summary>
public sealed class FakeScript
{
    public const string Key = "fake-key-0123456789";
    public const string Interim = "здравствуйте";
    public const string Transcript = "здравствуйте я хочу узнать баланс";

    public FakeBehaviour Behaviour { get; set; } = FakeBehaviour.Normal;

    /// <summary>STT: the interim the recogniser fakes send after the first 200 ms of audio (the final is <see cref="Transcript"/>).</summary>
    public string InterimText { get; set; } = Interim;

    /// <summary>STT (the Yandex fake): the final transcript it sends when the audio ends.</summary>
    public string FinalText { get; set; } = Transcript;

    /// <summary>Sent as Retry-After (seconds) with a refusal.</summary>
    public int RetryAfterSeconds { get; set; } = 2;

    public TimeSpan FirstResultDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The vendor's own latency in a normal session, fixed so that a session-level figure can subtract it: STT from
    /// the end of the client's audio to the final, LLM from the request to the first token, TTS from the request to
    /// the first audio. Zero by default.
    /// </summary>
    public TimeSpan SttFinalDelay { get; set; }

    /// <inheritdoc cref="SttFinalDelay"/>
    public TimeSpan LlmFirstTokenDelay { get; set; }

    /// <inheritdoc cref="SttFinalDelay"/>
    public TimeSpan TtsFirstAudioDelay { get; set; }

    /// <summary>LLM: the answer the chat-completions fake streams, a few words per chunk.</summary>
    public string LlmReply { get; set; } = "Ваш баланс сто двадцать рублей. Чем ещё могу помочь?";

    /// <summary>LLM: a tool call (name, JSON arguments) the chat-completions fake streams after <see cref="LlmReply"/>
    /// when the request ends with the caller's message (not with a tool's answer); null: none.</summary>
    public (string Name, string ArgumentsJson)? LlmToolCall { get; set; }

    /// <summary>LLM: the messages of the last request (role: content), to assert what the model was asked.</summary>
    public List<string> LastLlmMessages { get; } = [];

    /// <summary>LLM: the caller's (last user) message of every request, in order.</summary>
    public List<string> LlmUserMessages { get; } = [];

    /// <summary>TTS: milliseconds of audio per sentence, sent in <see cref="Chunks"/> pieces.</summary>
    public int AudioMilliseconds { get; set; } = 500;

    public int Chunks { get; set; } = 5;

    /// <summary>TTS: when set, the fake sends its first chunk, then waits for this before the rest (proves first audio is passed on as it arrives).</summary>
    public TaskCompletionSource? HoldAfterFirstChunk { get; set; }

    /// <summary>Cartesia: close each socket (1000) once its context is done, as the vendor closes idle sockets.</summary>
    public bool CloseIdleSockets { get; set; }

    /// <summary>Sessions (upgrades, calls, requests) the fake saw, refused ones included.</summary>
    public int Sessions;

    /// <summary>Audio bytes received by an STT fake in the last session.</summary>
    public long AudioBytes;

    /// <summary>The last authentication value the fake saw (to assert the header form), never a real key.</summary>
    public string? LastAuth { get; set; }

    /// <summary>TTS (the Yandex and Azure Speech fakes): say the requested text (espeak-ng ru, <see cref="FakeSpeech"/>) instead of the tone.</summary>
    public bool SpeakText { get; set; }

    /// <summary>TTS: the texts the fakes were asked to say, in order.</summary>
    public List<string> SpokenTexts { get; } = [];

    /// <summary>The audio a TTS fake streams for <paramref name="text"/>: speech when <see cref="SpeakText"/>, else the tone.</summary>
    public async Task<List<byte[]>> AudioChunksAsync(int rate, string text)
    {
        lock (SpokenTexts)
        {
            SpokenTexts.Add(text);
        }
        return SpeakText && text.Trim().Length > 0 ? await FakeSpeech.ChunksAsync(text, rate, Chunks) : AudioChunks(rate);
    }

    /// <summary>A tone of <see cref="AudioMilliseconds"/> at <paramref name="rate"/>, 16-bit little-endian, cut in <see cref="Chunks"/> pieces.</summary>
    public List<byte[]> AudioChunks(int rate)
    {
        var samples = rate * AudioMilliseconds / 1000;
        var pcm = new byte[samples * 2];
        for (var i = 0; i < samples; i++)
        {
            var value = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / rate));
            pcm[2 * i] = (byte)value;
            pcm[2 * i + 1] = (byte)(value >> 8);
        }
        var size = (pcm.Length / Chunks + 1) | 1; // odd sizes: pieces split samples, as real bodies do
        var chunks = new List<byte[]>();
        for (var offset = 0; offset < pcm.Length; offset += size)
        {
            chunks.Add(pcm.AsSpan(offset, Math.Min(size, pcm.Length - offset)).ToArray());
        }
        return chunks;
    }
}
