using System.Diagnostics.Metrics;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>The loop's metrics (meter "VoiceFunctions.MediaHost.Agent"), in milliseconds, ready for any exporter.</summary>
public sealed class AgentMetrics
{
    public const string MeterName = "VoiceFunctions.MediaHost.Agent";

    private readonly Histogram<double> _stt;
    private readonly Histogram<double> _llmFirstToken;
    private readonly Histogram<double> _ttsFirstAudio;
    private readonly Histogram<double> _voiceToVoice;
    private readonly Histogram<double> _endpointToFirstFrame;
    private readonly Counter<long> _turns;
    private readonly Counter<long> _interruptions;
    private readonly Counter<long> _falseInterruptions;
    private readonly Counter<long> _providerFailures;

    public AgentMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _stt = meter.CreateHistogram<double>("agent.stt.latency", "ms", "End of caller speech to STT final");
        _llmFirstToken = meter.CreateHistogram<double>("agent.llm.time_to_first_token", "ms", "LLM request to first token");
        _ttsFirstAudio = meter.CreateHistogram<double>("agent.tts.time_to_first_audio", "ms", "TTS request to first frame");
        _voiceToVoice = meter.CreateHistogram<double>("agent.voice_to_voice", "ms", "End of caller speech to first agent frame");
        _endpointToFirstFrame = meter.CreateHistogram<double>("agent.endpoint_to_first_frame", "ms", "Endpointing decision to first agent frame");
        _turns = meter.CreateCounter<long>("agent.turns", description: "Turns taken by the agent");
        _interruptions = meter.CreateCounter<long>("agent.interruptions", description: "Barge-ins by the caller");
        _falseInterruptions = meter.CreateCounter<long>("agent.false_interruptions", description: "Barge-ins that turned out to be noise or a backchannel");
        _providerFailures = meter.CreateCounter<long>("agent.provider_failures", description: "STT/LLM/TTS failures and timeouts");
    }

    public void Record(TurnRecord turn)
    {
        _turns.Add(1);
        Add(_stt, turn.SttLatency);
        Add(_llmFirstToken, turn.LlmTimeToFirstToken);
        Add(_ttsFirstAudio, turn.TtsTimeToFirstAudio);
        Add(_voiceToVoice, turn.VoiceToVoice);
        Add(_endpointToFirstFrame, turn.EndpointToFirstFrame);
        if (turn.Interrupted)
        {
            _interruptions.Add(1);
        }
        if (turn.FalseInterruption)
        {
            _falseInterruptions.Add(1);
        }
        if (turn.Error is not null)
        {
            _providerFailures.Add(1);
        }
    }

    private static void Add(Histogram<double> histogram, TimeSpan? value)
    {
        if (value is { } v)
        {
            histogram.Record(v.TotalMilliseconds);
        }
    }
}
