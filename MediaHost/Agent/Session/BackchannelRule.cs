namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Whether what the caller said when they interrupted was nothing or only an acknowledgement ("угу", "uh-huh"): then
/// the interruption was false and the agent resumes instead of answering.
/// </summary>
internal sealed class BackchannelRule(BargeInOptions options)
{
    private static readonly char[] Separators = [' ', ',', '.', '!', '?', '…'];

    public bool IsBackchannelOrNothing(string text)
    {
        var words = text.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return true;
        }
        var normalized = string.Join(' ', words);
        return options.Backchannels.Any(b => string.Equals(b, normalized, StringComparison.OrdinalIgnoreCase))
            || words.All(w => options.Backchannels.Contains(w, StringComparer.OrdinalIgnoreCase));
    }
}
