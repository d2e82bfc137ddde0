using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Tests.Media.Interop;

/// <summary>
/// Drives one live call the way the audio loop would, through <see cref="ICallSession"/> only: records every
/// decoded 16 kHz frame and every DTMF digit the MediaHost reports, and plays the given audio to the far end.
/// </summary>
internal sealed class CallProbe
{
    private readonly List<short> _heard = [];
    private readonly List<DtmfDigit> _digits = [];

    private CallProbe(ICallSession session, short[] play)
    {
        Session = session;
        Reading = Task.Run(ReadAsync);
        Playback = Task.Run(() => PlayAsync(play));
        _ = Task.Run(CollectDigitsAsync);
    }

    public ICallSession Session { get; }

    /// <summary>Completes when the last frame of the audio to play has been queued (about 0.5 s before it is sent).</summary>
    public Task Playback { get; }

    /// <summary>Completes when the call has ended and no more frames come.</summary>
    public Task Reading { get; }

    /// <summary>Starts recording and playing <paramref name="play"/> (16 kHz mono) on an answered call.</summary>
    public static CallProbe Start(ICallSession session, short[] play) => new(session, play);

    public short[] Heard()
    {
        lock (_heard)
        {
            return [.. _heard];
        }
    }

    public List<DtmfDigit> Digits()
    {
        lock (_digits)
        {
            return [.. _digits];
        }
    }

    private async Task ReadAsync()
    {
        var frame = new short[AudioFormat.SamplesPerFrame];
        while (await Session.ReadFrameAsync(frame, CancellationToken.None))
        {
            lock (_heard)
            {
                _heard.AddRange(frame);
            }
        }
    }

    private async Task PlayAsync(short[] play)
    {
        for (var i = 0; i + AudioFormat.SamplesPerFrame <= play.Length; i += AudioFormat.SamplesPerFrame)
        {
            if (Session.Ended.IsCompleted)
            {
                return;
            }
            await Session.WriteFrameAsync(play.AsMemory(i, AudioFormat.SamplesPerFrame), CancellationToken.None);
        }
    }

    private async Task CollectDigitsAsync()
    {
        await foreach (var digit in Session.DtmfDigits(CancellationToken.None))
        {
            lock (_digits)
            {
                _digits.Add(digit);
            }
        }
    }
}
