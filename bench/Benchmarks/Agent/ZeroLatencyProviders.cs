using System.Runtime.CompilerServices;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Providers;

namespace VoiceFunctions.Benchmarks.Agent;

/// <summary>Providers that answer at once, so a measurement shows only the loop's own overhead.</summary>
internal sealed class InstantSpeechToText : ISpeechToText
{
    public Task<string> TranscribeAsync(ReadOnlyMemory<short> pcm, string language, IProgress<string>? partials, CancellationToken cancellationToken) =>
        Task.FromResult("What are your opening hours?");
}

internal sealed class InstantLanguageModel : ILanguageModel
{
    public async IAsyncEnumerable<LanguageModelUpdate> StreamAsync(LanguageModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return LanguageModelUpdate.FromText("We are open ");
        yield return LanguageModelUpdate.FromText("every day.");
        await Task.CompletedTask;
    }
}

internal sealed class InstantTextToSpeech : ITextToSpeech
{
    private static readonly short[][] Frames = Enumerable.Range(0, 10).Select(f =>
        Enumerable.Range(0, AudioFormat.SamplesPerFrame).Select(i => (short)(3000 * Math.Sin(2 * Math.PI * 220 * (f * AudioFormat.SamplesPerFrame + i) / AudioFormat.SampleRate))).ToArray()).ToArray();

    public async IAsyncEnumerable<short[]> SynthesizeAsync(string text, string language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var frame in Frames)
        {
            yield return frame;
        }
        await Task.CompletedTask;
    }
}
