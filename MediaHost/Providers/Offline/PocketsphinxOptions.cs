using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.MediaHost.Providers;

/// <summary>The offline STT: pocketsphinx (Debian pocketsphinx + pocketsphinx-en-us). English only.</summary>
public sealed class PocketsphinxOptions
{
    /// <summary>The executable. Default "pocketsphinx_continuous" (found on PATH).</summary>
    [Required]
    public string Command { get; set; } = "pocketsphinx_continuous";

    /// <summary>Extra arguments, for example "-hmm DIR -lm FILE -dict FILE" for another model. Default none (the en-us model).</summary>
    public string[] ExtraArguments { get; set; } = [];
}
