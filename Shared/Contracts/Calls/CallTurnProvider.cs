namespace VoiceFunctions.Shared.Calls;

/// <summary>
/// One provider's part in a turn, as the MediaHost's failover chains wrote it: it served the stage (<see cref="Failure"/>
/// null), or it failed and the chain went on to the next (<see cref="Failure"/>: the error type and message, never keys).
/// </summary>
/// <param name="Stage">"stt", "llm" or "tts".</param>
/// <param name="Provider">The chain member's name (its configured name, else its kind).</param>
public sealed record CallTurnProvider(string Stage, string Provider, string? Failure = null)
{
    /// <summary>The stages a turn has.</summary>
    public static readonly IReadOnlyList<string> Stages = ["stt", "llm", "tts"];

    /// <summary>The most entries one turn may carry (a few chain members per stage, each possibly failing).</summary>
    public const int MaxPerTurn = 24;

    /// <summary>The longest provider name accepted.</summary>
    public const int MaxProviderLength = 100;

    /// <summary>The longest failure text accepted (a type and a message).</summary>
    public const int MaxFailureLength = 1_000;

    public bool Served => Failure is null;

    /// <summary>What is wrong with this entry as a report from the MediaHost, or null.</summary>
    public string? Problem() => this switch
    {
        _ when !Stages.Contains(Stage) => $"a turn provider's stage must be stt, llm or tts (got '{Truncated(Stage)}')",
        { Provider: null or "" } => "a turn provider needs a provider name",
        { Provider.Length: > MaxProviderLength } => $"a turn provider's name is at most {MaxProviderLength} characters",
        { Failure: "" } => "a turn provider's failure, when given, must not be empty",
        { Failure.Length: > MaxFailureLength } => $"a turn provider's failure is at most {MaxFailureLength} characters",
        _ => null,
    };

    public override string ToString() => Served ? $"{Stage}: {Provider}" : $"{Stage}: {Provider} failed ({Failure})";

    private static string Truncated(string? s) => s is null ? "" : s.Length <= 20 ? s : s[..20] + "…";
}
