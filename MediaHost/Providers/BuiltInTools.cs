namespace VoiceFunctions.MediaHost.Providers;

/// <summary>Names of the tools every agent offers its model; the scripted dialog uses them for its actions.</summary>
public static class BuiltInTools
{
    /// <summary>Say goodbye and hang up.</summary>
    public const string EndCall = "end_call";

    /// <summary>Transfer the caller to a human operator.</summary>
    public const string TransferToHuman = "transfer_to_human";
}
