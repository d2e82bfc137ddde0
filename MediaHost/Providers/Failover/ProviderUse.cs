namespace VoiceFunctions.MediaHost.Providers.Failover;

/// <summary>
/// One provider's part in a turn, as the turn record shows it: it served the stage (<see cref="Failure"/> null: it
/// delivered the whole final, answer or sentence audio), or it failed and the chain went on (<see cref="Failure"/>: the error type and message, which never carry keys).
/// </summary>
/// <param name="Stage">"stt", "llm" or "tts".</param>
/// <param name="Provider">The chain member's name (its configured Name, else its Kind).</param>
public sealed record ProviderUse(string Stage, string Provider, string? Failure = null)
{
    public bool Served => Failure is null;

    public override string ToString() => Served ? $"{Stage}: {Provider} served" : $"{Stage}: {Provider} failed ({Failure})";
}
