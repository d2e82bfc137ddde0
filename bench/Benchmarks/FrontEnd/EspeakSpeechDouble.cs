using System.Runtime.CompilerServices;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.TestSupport.LineSimulation;

namespace VoiceFunctions.Benchmarks.FrontEnd;

/// <summary>
/// A text-to-speech double that speaks with espeak-ng (through <see cref="SpeechSamples"/>' cache) at −19 dBFS, so the
/// echo the line returns is real speech with real pauses, not a tone.
/// </summary>
public sealed class EspeakSpeechDouble : ITextToSpeech
{
    public async IAsyncEnumerable<short[]> SynthesizeAsync(string text, string language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var speech = SignalLevels.ScaleTo(SpeechSamples.Speak(text), -19);
        for (var offset = 0; offset < speech.Length; offset += AudioFormat.SamplesPerFrame)
        {
            var frame = new short[AudioFormat.SamplesPerFrame];
            speech.AsSpan(offset, Math.Min(frame.Length, speech.Length - offset)).CopyTo(frame);
            yield return frame;
        }
        await Task.CompletedTask;
    }
}
