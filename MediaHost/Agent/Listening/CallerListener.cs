using System.Threading.Channels;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// The listening stage: takes the input stage's frames one by one and runs the per-frame decisions in order — speech
/// and endpointing, the caller's audio to recognition, barge-in, silence — posting what they conclude to the turn
/// runner. A barge-in is acted on here, on the frame that confirms it, without a hop through another queue.
/// </summary>
internal sealed class CallerListener(
    SpeechDetector speech,
    UtteranceCapture capture,
    BargeInDetector bargeIn,
    SilenceWatch silence,
    PauseWatch pauses,
    TurnRunner turns,
    AudioFramePool pool)
{
    public async Task RunAsync(ChannelReader<CallerFrame> frames, ChannelWriter<AgentEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var frame in frames.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    var callerInTurn = capture.InTurn;
                    if (OnFrame(frame, ref callerInTurn, out var isSpeech) is { } posted)
                    {
                        await events.WriteAsync(posted, cancellationToken).ConfigureAwait(false);
                    }
                    if (pauses.OnFrame(capture.InTurn, isSpeech, speech.TrailingSilence, capture.Current?.PartialTranscript) is { } pause)
                    {
                        await events.WriteAsync(pause, cancellationToken).ConfigureAwait(false);
                    }
                    if (silence.OnFrame(callerInTurn, NobodyTalks(frame)) is var action and not SilenceAction.None)
                    {
                        await events.WriteAsync(new AgentEvent.CallerSilent(action == SilenceAction.HangUp), cancellationToken).ConfigureAwait(false);
                    }
                }
                finally
                {
                    pool.Return(frame.Samples);
                }
            }
        }
        finally
        {
            capture.Discard(); // the call ended mid-turn: nobody will read that recognition
        }
    }

    /// <summary>One frame's decisions; <paramref name="callerInTurn"/> becomes true when a caller turn began on it.</summary>
    private AgentEvent? OnFrame(in CallerFrame frame, ref bool callerInTurn, out bool isSpeech)
    {
        var step = speech.OnFrame(frame, capture.Current);
        isSpeech = step.IsSpeech;
        if (capture.OnFrame(frame.Samples, step.Endpoint))
        {
            bargeIn.TurnStarted();
            callerInTurn = true;
        }
        if (capture.InTurn && turns.Current is var turn && bargeIn.OnFrame(step.IsSpeech, turn is not null, capture.Current?.PartialTranscript))
        {
            turns.BargeIn(turn!);
        }
        switch (step.Endpoint)
        {
            case EndpointEvent.SpeechDiscarded:
                capture.Discard();
                return null;
            case EndpointEvent.TurnEndedBySilence or EndpointEvent.TurnEndedByMaxLength when capture.Finish() is { } utterance:
                return new AgentEvent.UtteranceEnded(utterance, frame.Timestamp, speech.TrailingSilence, bargeIn.BargedIn);
            default:
                return null;
        }
    }

    private bool NobodyTalks(in CallerFrame frame) => !capture.InTurn && !frame.AgentAudible && turns.Current is null;
}
