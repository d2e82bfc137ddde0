using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Media;

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

    /// <summary>Frames queued ahead of the clock (100 ms): the echo's added delay, and its cushion against scheduling hiccups.</summary>
    public const int LeadFrames = 5;

    private readonly short[] _prompt = prompt ?? Tone();

    public async Task HandleAsync(IIncomingCall call, CancellationToken cancellationToken)
    {
        var session = await call.AnswerAsync(cancellationToken).ConfigureAwait(false);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = session.Ended.ContinueWith(_ => ended.Cancel(), TaskScheduler.Default);
        try
        {
            // Paced by the caller's frames: each frame heard is answered by one frame of the prompt, then by itself.
            // A few frames go ahead first, so a late wake-up of this loop never leaves a hole in the prompt.
            var frame = new short[AudioFormat.SamplesPerFrame];
            var promptOffset = 0;
            for (var i = 0; i < LeadFrames && promptOffset + AudioFormat.SamplesPerFrame <= _prompt.Length; i++)
            {
                await session.WriteFrameAsync(_prompt.AsMemory(promptOffset, AudioFormat.SamplesPerFrame), ended.Token).ConfigureAwait(false);
                promptOffset += AudioFormat.SamplesPerFrame;
            }
            while (await session.ReadFrameAsync(frame, ended.Token).ConfigureAwait(false))
            {
                if (promptOffset + AudioFormat.SamplesPerFrame <= _prompt.Length)
                {
                    await session.WriteFrameAsync(_prompt.AsMemory(promptOffset, AudioFormat.SamplesPerFrame), ended.Token).ConfigureAwait(false);
                    promptOffset += AudioFormat.SamplesPerFrame;
                }
                else
                {
                    await session.WriteFrameAsync(frame, ended.Token).ConfigureAwait(false);
                }
            }
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
}
