using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Agent;

public sealed partial class AgentSession
{
    private const int PreRollFrames = 10; // 200 ms before the first speech frame, so STT hears the word's onset

    /// <summary>
    /// Reads caller audio until the call ends. Each frame read is 20 ms of media time, and the call plays one
    /// queued agent frame in that time, which is how the loop knows when the agent's audio has finished playing.
    /// Barge-in is decided and acted on here, on the frame that confirms it, without waiting for another task.
    /// </summary>
    private async Task InputLoopAsync(CancellationToken cancellationToken)
    {
        var endpointing = _options.EndpointingFor(_language);
        var vad = _deps.VoiceActivityDetectorFactory?.Invoke() ?? new EnergyVoiceActivityDetector(_options.Vad);
        var endpointer = new Endpointer(endpointing, _language, _deps.EndOfTurnModel);
        var frame = new short[AudioFormat.SamplesPerFrame];
        var preRoll = new short[PreRollFrames * AudioFormat.SamplesPerFrame];
        var preRollCount = 0;
        var utterance = new List<short>(AudioFormat.SampleRate * 10);
        var collecting = false;
        var speechFrames = 0;
        var bargedIn = false;
        var silentFrames = 0;
        var confirmFrames = Math.Max(1, _options.BargeIn.ConfirmationMs / AudioFormat.FrameMilliseconds);
        var repromptFrames = _options.Silence.RepromptAfterSeconds * 1000 / AudioFormat.FrameMilliseconds;
        var hangUpFrames = _options.Silence.HangUpAfterSeconds * 1000 / AudioFormat.FrameMilliseconds;

        while (await _call.ReadFrameAsync(frame, cancellationToken).ConfigureAwait(false))
        {
            FramePlayed();
            var agentAudible = Volatile.Read(ref _outstandingFrames) > 0;
            var activity = vad.Process(frame);
            var isSpeech = activity.IsSpeech && !_echo.IsEcho(activity.LevelDbfs);
            var endpoint = endpointer.OnFrame(isSpeech);

            if (!collecting && endpoint is EndpointEvent.SpeechStarted or EndpointEvent.TurnConfirmed)
            {
                collecting = true;
                bargedIn = false;
                speechFrames = 0;
                utterance.Clear();
                AddPreRoll(utterance, preRoll, preRollCount);
            }
            if (collecting)
            {
                utterance.AddRange(frame);
                speechFrames += isSpeech ? 1 : 0;
                silentFrames = 0;
            }
            else
            {
                PushPreRoll(preRoll, ref preRollCount, frame);
            }

            if (collecting && !bargedIn && speechFrames >= confirmFrames && Volatile.Read(ref _currentTurn) is { } turn)
            {
                bargedIn = true;
                BargeIn(turn);
            }

            switch (endpoint)
            {
                case EndpointEvent.SpeechDiscarded:
                    collecting = false;
                    utterance.Clear();
                    break;
                case EndpointEvent.TurnEndedBySilence or EndpointEvent.TurnEndedByMaxLength:
                    collecting = false;
                    _events.Writer.TryWrite(new AgentEvent.UtteranceEnded(utterance.ToArray(), _deps.Time.GetTimestamp(), endpointer.TrailingSilence, bargedIn));
                    utterance.Clear();
                    break;
            }

            // Silence is counted only while nobody talks: the caller is quiet and the agent is idle.
            if (!collecting && !agentAudible && Volatile.Read(ref _currentTurn) is null)
            {
                silentFrames++;
                if (silentFrames >= hangUpFrames)
                {
                    _events.Writer.TryWrite(new AgentEvent.CallerSilent(HangUp: true));
                    silentFrames = int.MinValue / 2; // once
                }
                else if (silentFrames > 0 && silentFrames % repromptFrames == 0)
                {
                    _events.Writer.TryWrite(new AgentEvent.CallerSilent(HangUp: false));
                }
            }
        }
    }

    /// <summary>One frame of media time passed: the call played one queued agent frame, if it had one.</summary>
    private void FramePlayed()
    {
        var current = Volatile.Read(ref _outstandingFrames);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref _outstandingFrames, current - 1, current);
            if (seen == current)
            {
                break;
            }
            current = seen;
        }
        SignalDrainedIfIdle();
    }

    private void SignalDrainedIfIdle()
    {
        if (Volatile.Read(ref _outstandingFrames) > 0)
        {
            return;
        }
        TaskCompletionSource? waiter;
        lock (_drainGate)
        {
            waiter = _drainWaiter;
            _drainWaiter = null;
        }
        waiter?.TrySetResult();
    }

    /// <summary>Completes once every agent frame handed to the call has been played (or dropped).</summary>
    private async Task WaitForPlaybackAsync(CancellationToken cancellationToken)
    {
        Task wait;
        lock (_drainGate)
        {
            if (Volatile.Read(ref _outstandingFrames) == 0)
            {
                return;
            }
            _drainWaiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            wait = _drainWaiter.Task;
        }
        await Task.WhenAny(wait, _call.Ended).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void PushPreRoll(short[] preRoll, ref int count, short[] frame)
    {
        if (count == PreRollFrames)
        {
            Array.Copy(preRoll, AudioFormat.SamplesPerFrame, preRoll, 0, preRoll.Length - AudioFormat.SamplesPerFrame);
            count--;
        }
        frame.CopyTo(preRoll, count * AudioFormat.SamplesPerFrame);
        count++;
    }

    private static void AddPreRoll(List<short> utterance, short[] preRoll, int count) =>
        utterance.AddRange(preRoll.AsSpan(0, count * AudioFormat.SamplesPerFrame));
}
