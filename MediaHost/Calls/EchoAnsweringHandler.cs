using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Calls;

/// <summary>
/// The built-in answering behaviour until the AI loop exists: answer, play a prompt once (a 16 kHz mono PCM file
/// such as an espeak-ng recording, or a 1 s 440 Hz tone when none is configured), then echo back every frame the
/// caller sends until the call ends. It proves audio flows both ways with nothing but the call surface.
/// </summary>
public sealed class EchoAnsweringHandler(short[]? prompt = null) : ICallHandler
{
    /// <summary>The default prompt: 1 s of 440 Hz at about -12 dBFS.</summary>
    public static short[] Tone(int milliseconds = 1000, double frequency = 440, short amplitude = 8000)
    {
        var samples = new short[AudioFormat.SampleRate * milliseconds / 1000];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(amplitude * Math.Sin(2 * Math.PI * frequency * i / AudioFormat.SampleRate));
        }
        return samples;
    }

    /// <summary>Loads a prompt from raw 16 kHz mono signed 16-bit little-endian PCM, or a WAV of that format.</summary>
    public static short[] LoadPrompt(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var offset = bytes.Length > 44 && bytes.AsSpan(0, 4).SequenceEqual("RIFF"u8) ? 44 : 0;
        return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(bytes.AsSpan(offset, (bytes.Length - offset) & ~1)).ToArray();
    }

    private readonly short[] _prompt = prompt ?? Tone();

    public async Task HandleAsync(IIncomingCall call, CancellationToken cancellationToken)
    {
        var session = await call.AnswerAsync(cancellationToken).ConfigureAwait(false);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = session.Ended.ContinueWith(_ => ended.Cancel(), TaskScheduler.Default);
        try
        {
            // The prompt is written as fast as the call's playback queue takes it (up to 500 ms ahead of the media
            // clock), so a stall of this loop shorter than that never leaves a hole in it. Meanwhile what the caller
            // says is read and dropped; once the prompt is queued, every frame heard is sent back.
            var prompt = PlayPromptAsync(session, ended.Token);
            var frame = new short[AudioFormat.SamplesPerFrame];
            while (await session.ReadFrameAsync(frame, ended.Token).ConfigureAwait(false))
            {
                if (prompt.IsCompleted)
                {
                    await prompt.ConfigureAwait(false); // surfaces the end of the call if that stopped the prompt
                    await session.WriteFrameAsync(frame, ended.Token).ConfigureAwait(false);
                }
            }
            await prompt.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
        }
        catch (InvalidOperationException) when (session.Ended.IsCompleted)
        {
            // The call ended while we were writing.
        }
        if (cancellationToken.IsCancellationRequested && !session.Ended.IsCompleted)
        {
            await session.HangUpAsync(CallEndReason.Shutdown, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task PlayPromptAsync(ICallSession session, CancellationToken cancellationToken)
    {
        for (var offset = 0; offset + AudioFormat.SamplesPerFrame <= _prompt.Length; offset += AudioFormat.SamplesPerFrame)
        {
            await session.WriteFrameAsync(_prompt.AsMemory(offset, AudioFormat.SamplesPerFrame), cancellationToken).ConfigureAwait(false);
        }
    }
}
