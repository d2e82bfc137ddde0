using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.Functions.Timers;

/// <summary>Configuration section "TokenRefresh": the short-lived LiveKit token published for the MediaHost.</summary>
public sealed class TokenRefreshOptions
{
    public const string SectionName = "TokenRefresh";

    /// <summary>Token lifetime in minutes. Default 30: three refreshes (every 10 min) fit in it, so one missed run never leaves the MediaHost without a valid token.</summary>
    [Range(5, 24 * 60)]
    public int TokenTtlMinutes { get; set; } = 30;

    /// <summary>The identity in the token. Default "mediahost".</summary>
    [Required]
    public string Identity { get; set; } = "mediahost";

    /// <summary>Table the MediaHost reads its token from (partition "mediahost", row "current"). Default "MediaHostTokens".</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string TableName { get; set; } = "MediaHostTokens";
}
