namespace VoiceFunctions.MediaHost.Outbound.Amd;

/// <summary>The detector's decision: who answered, when (ms of call audio after the answer) and why.</summary>
public readonly record struct AmdVerdict(AnsweredBy AnsweredBy, int AfterMs, bool BeepHeard, string Why);
