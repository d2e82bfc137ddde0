namespace VoiceFunctions.System.Tests.FrontDoor;

/// <summary>One MediaHost as Kamailio's dispatcher sees it: FLAGS "AP" is active (and probed), "IP" inactive, "TP" trying.</summary>
internal sealed record DestinationState(string Flags)
{
    public bool IsActive => Flags.StartsWith('A');

    public bool IsInactive => Flags.StartsWith('I');
}
