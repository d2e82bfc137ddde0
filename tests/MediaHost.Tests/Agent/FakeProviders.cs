using System.Runtime.CompilerServices;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Providers;

namespace VoiceFunctions.MediaHost.Tests.Agent;

/// <summary>STT that answers from a script: each call takes the next answer (text, or an exception to throw, or null to hang).</summary>
internal sealed class FakeSpeechToText(params object?[] answers) : ISpeechToText
{
    private readonly Queue<object?> _answers = new(answers);

    public List<int> UtteranceSamples { get; } = [];

    public async Task<string> TranscribeAsync(ReadOnlyMemory<short> pcm, string language, IProgress<string>? partials, CancellationToken cancellationToken)
    {
        UtteranceSamples.Add(pcm.Length);
        var answer = _answers.Count > 0 ? _answers.Dequeue() : "";
        switch (answer)
        {
            case string text:
                return text;
            case Exception e:
                throw e;
            default:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return "";
        }
    }
}

/// <summary>
/// LLM scripted per request: the function returns the updates to stream for the n-th request. A text
/// update "&lt;wait&gt;" pauses the stream until <see cref="Release"/>; "&lt;hang&gt;" never continues; "&lt;fail&gt;" throws.
/// </summary>
internal sealed class FakeLanguageModel(Func<int, LanguageModelRequest, IEnumerable<LanguageModelUpdate>> script) : ILanguageModel
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<LanguageModelRequest> Requests { get; } = [];

    public void Release() => _gate.TrySetResult();

    public static LanguageModelUpdate Text(string text) => LanguageModelUpdate.FromText(text);

    public static LanguageModelUpdate Tool(string name, string args = "{}") => LanguageModelUpdate.FromToolCall(new ToolCall("call_" + name, name, args));

    public async IAsyncEnumerable<LanguageModelUpdate> StreamAsync(LanguageModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int n;
        lock (Requests)
        {
            Requests.Add(request);
            n = Requests.Count;
        }
        foreach (var update in script(n, request))
        {
            switch (update.Text)
            {
                case "<wait>":
                    await _gate.Task.WaitAsync(cancellationToken);
                    continue;
                case "<hang>":
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                    continue;
                case "<fail>":
                    throw new ProviderException("fake-llm", "scripted failure", isTransient: true);
            }
            await Task.Yield();
            yield return update;
        }
    }
}

/// <summary>TTS that speaks each word as 5 frames (100 ms) of a voice-like tone at −20 dBFS; fails on sentences containing "FAIL".</summary>
internal sealed class FakeTextToSpeech : ITextToSpeech
{
    public const int FramesPerWord = 5;

    public List<string> Sentences { get; } = [];

    public bool FailAll { get; set; }

    public async IAsyncEnumerable<short[]> SynthesizeAsync(string text, string language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        lock (Sentences)
        {
            Sentences.Add(text);
        }
        await Task.Yield();
        if (FailAll || text.Contains("FAIL", StringComparison.Ordinal))
        {
            throw new ProviderException("fake-tts", "scripted failure", isTransient: false);
        }
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var audio = SyntheticAudio.Voice(-20, words * FramesPerWord * AudioFormat.FrameMilliseconds);
        foreach (var frame in SyntheticAudio.Frames(audio))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return frame;
        }
    }
}
