using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Calls;

namespace VoiceFunctions.MediaHost.Recording;

/// <summary>
/// Plays the recording-consent announcement to the caller and returns once it has been sent: the phrase is synthesised
/// once for all calls (<see cref="PhraseAudioCache"/>, the agent's TTS and language) and written to the call; a
/// <see cref="PlayoutWatch"/> on the media clock says when the last frame left. Bounded by <paramref name="limit"/>.
/// </summary>
public sealed class ConsentAnnouncer(PhraseAudioCache? phrases, IOptions<AiLoopOptions> agent, TimeProvider time)
{
    /// <summary>Longest wait for the phrase to be synthesised and played.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public async Task PlayAsync(ICallSession session, string phrase, CancellationToken ct)
    {
        if (phrases is null)
        {
            throw new InvalidOperationException("no text-to-speech for the consent announcement (the agent is off)");
        }
        var frames = await phrases.GetAsync(phrase, agent.Value.Language, ct).ConfigureAwait(false);
        var watch = new PlayoutWatch();
        session.AttachAudioTap(watch);
        try
        {
            foreach (var frame in frames)
            {
                await session.WriteFrameAsync(frame, ct).ConfigureAwait(false);
            }
            watch.AllWritten();
            await Task.WhenAny(watch.Played, session.Ended).WaitAsync(Limit, time, ct).ConfigureAwait(false);
        }
        finally
        {
            session.AttachAudioTap(null);
        }
    }
}
