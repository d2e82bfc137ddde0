namespace VoiceFunctions.Functions.Campaigns;

/// <summary>The requests a running campaign takes (the payload of its "Control" event).</summary>
public static class CampaignControl
{
    public const string Pause = "pause";
    public const string Resume = "resume";
    public const string Cancel = "cancel";

    public static bool IsKnown(string? action) => action is Pause or Resume or Cancel;
}
