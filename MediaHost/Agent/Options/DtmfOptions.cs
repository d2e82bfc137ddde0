using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>Keys pressed by the caller are collected into one turn (configuration section "AiLoop:Dtmf").</summary>
public sealed class DtmfOptions
{
    /// <summary>The key that ends a sequence at once (not part of it). Default "#". Empty: only the count and the
    /// timeout end a sequence.</summary>
    [RegularExpression("^[*#]?$")]
    public string Terminator { get; set; } = "#";

    /// <summary>A sequence ends when it has this many keys. Default 16: an account or card number fits.</summary>
    [Range(1, 64)]
    public int MaxDigits { get; set; } = 16;

    /// <summary>A sequence ends when no key follows for this long, in ms. Default 3 s: people read numbers off a card
    /// in groups, with pauses of a second or two.</summary>
    [Range(200, 30_000)]
    public int InterDigitTimeoutMs { get; set; } = 3_000;
}
