using System.Diagnostics.Metrics;
using VoiceFunctions.Shared.Observability;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// The loop's per-turn metrics (meter "VoiceFunctions.MediaHost.Agent") under the <see cref="MetricNames"/>
/// turn names, latencies in seconds as OpenTelemetry expects, ready for any exporter.
/// </summary>
public sealed class AgentMetrics
{
    public const string MeterName = "VoiceFunctions.MediaHost.Agent";

    private readonly Histogram<double> _stt;
    private readonly Histogram<double> _llmFirstToken;
    private readonly Histogram<double> _ttsFirstAudio;
    private readonly Histogram<double> _voiceToVoice;
    private readonly Histogram<double> _endpointToFirstAudio;
    private readonly Counter<long> _turns;
    private readonly Counter<long> _bargeIns;
    private readonly Counter<long> _falseBargeIns;
    private readonly Counter<long> _providerFailures;
    private readonly Counter<long> _callsRejected;
    private readonly Counter<long> _preemptiveAnswers;
    private readonly Histogram<double> _preemptiveSaved;

    public AgentMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _stt = meter.CreateHistogram<double>(MetricNames.TurnSttLatency, "s", "End of caller speech to STT final");
        _llmFirstToken = meter.CreateHistogram<double>(MetricNames.TurnLlmLatency, "s", "LLM request to first token");
        _ttsFirstAudio = meter.CreateHistogram<double>(MetricNames.TurnTtsLatency, "s", "TTS request to first frame");
        _voiceToVoice = meter.CreateHistogram<double>(MetricNames.TurnVoiceToVoice, "s", "End of caller speech to first agent frame");
        _endpointToFirstAudio = meter.CreateHistogram<double>(MetricNames.TurnEndpointToFirstAudio, "s", "Endpointing decision to first agent frame");
        _turns = meter.CreateCounter<long>(MetricNames.TurnCompleted, "{turn}", "Turns taken by the agent");
        _bargeIns = meter.CreateCounter<long>(MetricNames.TurnBargeIns, "{barge_in}", "Barge-ins by the caller");
        _falseBargeIns = meter.CreateCounter<long>(MetricNames.TurnFalseBargeIns, "{barge_in}", "Barge-ins that turned out to be noise or a backchannel");
        _providerFailures = meter.CreateCounter<long>(MetricNames.TurnProviderFailures, "{turn}", "Turns with an STT/LLM/TTS failure or timeout");
        _preemptiveAnswers = meter.CreateCounter<long>(MetricNames.TurnPreemptiveAnswers, "{answer}", "LLM answers started before the end of the caller's turn, by outcome");
        _preemptiveSaved = meter.CreateHistogram<double>(MetricNames.TurnPreemptiveSaved, "s", "LLM time saved by a preemptive answer that was used");
        _callsRejected = meter.CreateCounter<long>(MetricNames.AgentCallsRejected, "{call}", "Calls refused because the agent was at its capacity");
    }

    public void Record(TurnRecord turn)
    {
        _turns.Add(1, new KeyValuePair<string, object?>(MetricTags.Interrupted, turn.Interrupted));
        Add(_stt, turn.SttLatency);
        Add(_llmFirstToken, turn.LlmTimeToFirstToken);
        Add(_ttsFirstAudio, turn.TtsTimeToFirstAudio);
        Add(_voiceToVoice, turn.VoiceToVoice);
        Add(_endpointToFirstAudio, turn.EndpointToFirstFrame);
        if (turn.Interrupted)
        {
            _bargeIns.Add(1);
        }
        if (turn.FalseInterruption)
        {
            _falseBargeIns.Add(1);
        }
        if (turn.Error is not null)
        {
            _providerFailures.Add(1);
        }
    }

    /// <summary>What became of an answer started before the endpoint (<see cref="PreemptiveOutcome"/>); <paramref name="saved"/> when used.</summary>
    internal void PreemptiveAnswer(string outcome, TimeSpan? saved)
    {
        _preemptiveAnswers.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        Add(_preemptiveSaved, saved);
    }

    /// <summary>A call refused at the door because the agent was full (AiLoop:Capacity).</summary>
    public void CallRejected() => _callsRejected.Add(1);

    private static void Add(Histogram<double> histogram, TimeSpan? value)
    {
        if (value is { } v)
        {
            histogram.Record(v.TotalSeconds);
        }
    }
}
