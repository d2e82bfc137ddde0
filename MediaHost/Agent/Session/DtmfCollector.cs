using System.Text;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Collects the caller's keys into one sequence: it ends at the terminator key, at <see cref="DtmfOptions.MaxDigits"/>
/// keys, or when <see cref="DtmfOptions.InterDigitTimeoutMs"/> pass with no key (the turn runner's timer calls
/// <see cref="TimedOut"/> with the <see cref="Generation"/> it was started for, so a stale timer does nothing).
/// </summary>
internal sealed class DtmfCollector(DtmfOptions options)
{
    private readonly StringBuilder _digits = new();

    /// <summary>Changes with every key: identifies the pause that a timer measures.</summary>
    public int Generation { get; private set; }

    /// <summary>Keys have been pressed and the sequence is not over.</summary>
    public bool Collecting => _digits.Length > 0;

    public TimeSpan InterDigitTimeout => TimeSpan.FromMilliseconds(options.InterDigitTimeoutMs);

    /// <summary>Adds a key; returns the finished sequence, or null while it goes on. A lone terminator is an empty sequence.</summary>
    public string? Add(char digit)
    {
        Generation++;
        if (options.Terminator.Length == 1 && digit == options.Terminator[0])
        {
            return Take();
        }
        _digits.Append(digit);
        return _digits.Length >= options.MaxDigits ? Take() : null;
    }

    /// <summary>The pause of <paramref name="generation"/> timed out: the sequence so far, or null if a key came since.</summary>
    public string? TimedOut(int generation) => generation == Generation && Collecting ? Take() : null;

    private string Take()
    {
        var sequence = _digits.ToString();
        _digits.Clear();
        return sequence;
    }
}
