namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Closes a turn's books: what the caller heard goes into the history, the turn's record (texts, outcome, latencies on
/// the session's clock) to the metrics and the turn reporter. A failing reporter is logged and never breaks the call.
/// </summary>
internal sealed class TurnRecorder(AgentCall call, ConversationHistory history)
{
    public async Task RecordAsync(AgentTurn turn)
    {
        var heard = turn.Spoken.PlayedText(turn.SentencesRecorded);
        if (heard.Length > 0)
        {
            history.Add(new Providers.ChatMessage(Providers.ChatRole.Assistant, heard));
        }
        var record = Record(turn);
        call.Deps.Metrics.Record(record);
        AgentLog.TurnDone(call.Deps.Logger, record.CallId, record.TurnIndex, record.Trigger, record.VoiceToVoice?.TotalMilliseconds, record.Interrupted);
        if (call.Deps.Logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
        {
            AgentLog.TurnTimeline(call.Deps.Logger, record.CallId, turn.Index, UnixMs(turn.EndOfSpeechTimestamp), UnixMs(turn.EndpointTimestamp),
                UnixMs(turn.TranscriptTimestamp), UnixMs(turn.FirstFrameTimestamp), UnixMs(turn.FirstVoicedFrameTimestamp));
        }
        try
        {
            await call.Deps.TurnReporter.ReportAsync(record, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            AgentLog.ReportFailed(call.Deps.Logger, e, record.CallId);
        }
    }

    /// <summary>A session timestamp as wall-clock unix milliseconds (0 when not reached), to set beside a packet capture.</summary>
    private long UnixMs(long timestamp) =>
        timestamp == 0 ? 0 : (call.Time.GetUtcNow() - call.Time.GetElapsedTime(timestamp)).ToUnixTimeMilliseconds();

    private TurnRecord Record(AgentTurn turn)
    {
        var time = call.Time;
        TimeSpan? Since(long from) => from != 0 && turn.FirstFrameTimestamp != 0 ? time.GetElapsedTime(from, turn.FirstFrameTimestamp) : null;
        return new TurnRecord
        {
            CallId = call.CallId,
            TurnIndex = turn.Index,
            Trigger = turn.Trigger,
            StartedAt = turn.StartedAt,
            UserText = turn.UserText,
            AgentText = turn.Spoken.PlayedText(),
            Interrupted = turn.Interrupted,
            FalseInterruption = turn.FalseInterruption,
            ToolCalls = turn.ToolCalls,
            Providers = Providers.Failover.ProviderJournal.Current?.TakeEntries() ?? [],
            Error = turn.Failure is { } f ? $"{f.GetType().Name}: {f.Message}" : null,
            InputTokens = turn.Usage?.InputTokens,
            OutputTokens = turn.Usage?.OutputTokens,
            SttLatency = turn.SttLatency,
            LlmTimeToFirstToken = turn.LlmTimeToFirstToken,
            TtsTimeToFirstAudio = turn.TtsTimeToFirstAudio,
            Preemptive = turn.Preemptive,
            LlmTimeSavedByPreemption = turn.LlmTimeSavedByPreemption,
            VoiceToVoice = Since(turn.EndOfSpeechTimestamp),
            EndpointToFirstFrame = Since(turn.EndpointTimestamp),
        };
    }
}
