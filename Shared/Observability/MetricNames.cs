namespace VoiceFunctions.Shared.Observability;

/// <summary>
/// The names of every metric both planes emit, in one place so dashboards, alert rules (infra/alerts.bicep,
/// checked by a test) and code agree. Scheme: voicefunctions.&lt;area&gt;.&lt;what&gt;, lower case, dots between
/// levels, underscores inside a word; units follow OpenTelemetry (durations in seconds "s", counts "{call}").
/// Every meter is named "VoiceFunctions" or "VoiceFunctions.&lt;Area&gt;" so one registration exports them all.
/// Tags: <see cref="MetricTags"/>.
/// </summary>
public static class MetricNames
{
    private const string Prefix = "voicefunctions.";

    // ---- calls (control plane and MediaHost) ----

    /// <summary>Counter {call}: calls that started. Tags: plane, direction.</summary>
    public const string CallsStarted = Prefix + "calls.started";

    /// <summary>Counter {call}: calls that ended. Tags: outcome (a CallEndReason name), plane.</summary>
    public const string CallsEnded = Prefix + "calls.ended";

    /// <summary>Counter {call}: calls that ended in the fallback (transfer to a human or apology). Tags: reason.</summary>
    public const string CallsFallbacks = Prefix + "calls.fallbacks";

    /// <summary>UpDownCounter {call}: calls in progress. Tags: plane.</summary>
    public const string CallsActive = Prefix + "calls.active";

    /// <summary>Histogram s: call duration from answer to end. Tags: outcome.</summary>
    public const string CallsDuration = Prefix + "calls.duration";

    // ---- LiveKit webhooks (control plane) ----

    /// <summary>
    /// Counter {webhook}: webhooks received. Tags: event (the LiveKit event, "unverified" when refused),
    /// result (<see cref="MetricTags.WebhookResults"/>: accepted, ignored, duplicate, unauthorized, bad_request, too_large, failed).
    /// </summary>
    public const string WebhookReceived = Prefix + "webhook.received";

    /// <summary>Histogram s: time to verify and hand a webhook to its orchestration. Tags: event, result.</summary>
    public const string WebhookDuration = Prefix + "webhook.duration";

    // ---- LiveKit server API (control plane, voicectl): named by the LiveKit client that records them ----

    /// <summary>Counter {request}: LiveKit API request attempts. Tags: LiveKitMetricNames.MethodTag, LiveKitMetricNames.OutcomeTag.</summary>
    public const string LiveKitApiRequests = LiveKitMetricNames.ApiRequests;

    /// <summary>Counter {error}: failed LiveKit API request attempts. Tags: LiveKitMetricNames.MethodTag, LiveKitMetricNames.OutcomeTag (Twirp code or transport).</summary>
    public const string LiveKitApiErrors = LiveKitMetricNames.ApiErrors;

    /// <summary>Histogram s: LiveKit API request latency, per attempt. Tags: LiveKitMetricNames.MethodTag, OutcomeTag, AttemptTag.</summary>
    public const string LiveKitApiDuration = LiveKitMetricNames.ApiDuration;

    // ---- conversational turns (MediaHost) ----

    /// <summary>Counter {turn}: agent turns completed. Tags: interrupted (true when barge-in cut it).</summary>
    public const string TurnCompleted = Prefix + "turn.completed";

    /// <summary>Histogram s: end of caller speech to the final transcript.</summary>
    public const string TurnSttLatency = Prefix + "turn.stt_latency";

    /// <summary>Histogram s: LLM request to its first token.</summary>
    public const string TurnLlmLatency = Prefix + "turn.llm_latency";

    /// <summary>Histogram s: TTS request to its first synthesized audio.</summary>
    public const string TurnTtsLatency = Prefix + "turn.tts_latency";

    /// <summary>Histogram s: end of caller speech to the first agent audio on the wire (what the caller feels).</summary>
    public const string TurnVoiceToVoice = Prefix + "turn.voice_to_voice";

    /// <summary>Histogram s: the endpointer's end-of-turn decision to the first agent audio on the wire.</summary>
    public const string TurnEndpointToFirstAudio = Prefix + "turn.endpoint_to_first_audio";

    /// <summary>Counter {barge_in}: times the caller interrupted the agent.</summary>
    public const string TurnBargeIns = Prefix + "turn.barge_ins";

    /// <summary>Counter {barge_in}: interruptions that turned out to be noise or a backchannel.</summary>
    public const string TurnFalseBargeIns = Prefix + "turn.false_barge_ins";

    /// <summary>Counter {turn}: turns in which an STT, LLM or TTS provider failed or timed out.</summary>
    public const string TurnProviderFailures = Prefix + "turn.provider_failures";

    /// <summary>Counter {answer}: answers the LLM began on the caller's words before the end of their turn. Tags: outcome
    /// (used: the turn ended with the same words; changed: the final words differed; resumed: the caller went on; dropped:
    /// another turn or the end of the call came first).</summary>
    public const string TurnPreemptiveAnswers = Prefix + "turn.preemptive_answers";

    /// <summary>Histogram s: LLM time saved by a preemptive answer that was used (its head start, at most its first-token time).</summary>
    public const string TurnPreemptiveSaved = Prefix + "turn.preemptive_saved";

    /// <summary>Counter {call}: calls refused because the agent served AiLoop:Capacity:MaxCalls calls already.</summary>
    public const string AgentCallsRejected = Prefix + "calls.agent_capacity_rejected";

    // ---- RTP (MediaHost) ----

    /// <summary>Counter {packet}: RTP packets received. Tags: codec.</summary>
    public const string RtpPacketsReceived = Prefix + "rtp.packets_received";

    /// <summary>Counter {packet}: RTP packets sent. Tags: codec.</summary>
    public const string RtpPacketsSent = Prefix + "rtp.packets_sent";

    /// <summary>Counter {packet}: RTP packets lost (sequence gaps). Tags: codec.</summary>
    public const string RtpPacketsLost = Prefix + "rtp.packets_lost";

    /// <summary>Histogram s: interarrival jitter (RFC 3550) sampled per call.</summary>
    public const string RtpJitter = Prefix + "rtp.jitter";

    /// <summary>Counter {tick}: 20 ms media clock ticks run (each sends one frame on every call).</summary>
    public const string MediaClockTicks = Prefix + "rtp.clock_ticks";

    /// <summary>Counter {tick}: clock ticks whose work started more than one period late, or were skipped: late frames on every call.</summary>
    public const string MediaClockLateTicks = Prefix + "rtp.clock_late_ticks";

    /// <summary>Gauge {loop}: threads reading every call's RTP and RTCP sockets (epoll loops; 0 where each socket has a thread of its own).</summary>
    public const string RtpReceiveLoops = Prefix + "rtp.receive_loops";

    /// <summary>Counter {datagram}: datagrams read by each receive loop. Tags: loop.</summary>
    public const string RtpReceiveLoopDatagrams = Prefix + "rtp.receive_loop_datagrams";

    /// <summary>
    /// Gauge {thread}: media threads (clock, receive loops) by scheduling weight. Tags: weight = raised | normal. "normal"
    /// means the system refused nice −10 (no CAP_SYS_NICE): near full load the clock then competes with every worker.
    /// </summary>
    public const string MediaThreads = Prefix + "rtp.media_threads";

    /// <summary>Histogram ms: from a call event's occurrence in the MediaHost to the control plane's acknowledgement (queue wait, retries, HTTP).</summary>
    public const string AgentEventDelivery = Prefix + "calls.event_delivery";

    // ---- SIP (MediaHost) ----

    /// <summary>Counter {request}: SIP requests received and sent. Tags: method.</summary>
    public const string SipRequests = Prefix + "sip.requests";

    /// <summary>Counter {response}: SIP responses sent. Tags: method, status_code.</summary>
    public const string SipResponses = Prefix + "sip.responses";

    /// <summary>Counter {request}: requests dropped or refused by the inbound policy.</summary>
    public const string SipRejectedSources = Prefix + "sip.rejected_sources";

    /// <summary>Counter {message}: malformed SIP messages (answered 400 or dropped).</summary>
    public const string SipMalformed = Prefix + "sip.malformed";

    /// <summary>Gauge {dialog}: SIP dialogs (calls) in progress.</summary>
    public const string SipActiveDialogs = Prefix + "sip.active_dialogs";

    // ---- health (control plane HealthCheck timer) ----

    /// <summary>Counter {check}: component health checks. Tags: target (livekit, sip, mediahost, storage), result (<see cref="MetricTags.HealthResults"/>).</summary>
    public const string HealthChecks = Prefix + "health.checks";

    /// <summary>Every metric name above, for tests and dashboards.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        CallsStarted, CallsEnded, CallsFallbacks, CallsActive, CallsDuration,
        WebhookReceived, WebhookDuration,
        LiveKitApiRequests, LiveKitApiErrors, LiveKitApiDuration,
        TurnCompleted, TurnSttLatency, TurnLlmLatency, TurnTtsLatency, TurnVoiceToVoice, TurnEndpointToFirstAudio,
        TurnBargeIns, TurnFalseBargeIns, TurnProviderFailures, TurnPreemptiveAnswers, TurnPreemptiveSaved, AgentCallsRejected,
        RtpPacketsReceived, RtpPacketsSent, RtpPacketsLost, RtpJitter, MediaClockTicks, MediaClockLateTicks, RtpReceiveLoops, RtpReceiveLoopDatagrams, MediaThreads, AgentEventDelivery,
        SipRequests, SipResponses, SipRejectedSources, SipMalformed, SipActiveDialogs,
        HealthChecks,
    ];

    /// <summary>
    /// Names defined ahead of the code that will emit them. A test checks that every other name is emitted
    /// by production code and that no alert rule watches a reserved one (it would never fire). Empty today.
    /// </summary>
    public static IReadOnlyList<string> Reserved { get; } = [];
}
