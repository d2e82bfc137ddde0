using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.MediaHost.Providers;

/// <summary>The offline TTS: espeak-ng (Debian package espeak-ng), Russian and English voices.</summary>
public sealed class EspeakOptions
{
    /// <summary>The executable. Default "espeak-ng" (found on PATH).</summary>
    [Required]
    public string Command { get; set; } = "espeak-ng";

    /// <summary>Voice for Russian. Default "ru".</summary>
    [Required]
    public string RussianVoice { get; set; } = "ru";

    /// <summary>Voice for English. Default "en-us": recognised best by the offline STT, which helps the end-to-end test.</summary>
    [Required]
    public string EnglishVoice { get; set; } = "en-us";

    /// <summary>Speaking rate in words per minute. Default 150: a little slower than espeak's 175, clearer on a phone line.</summary>
    [Range(80, 450)]
    public int WordsPerMinute { get; set; } = 150;
}
