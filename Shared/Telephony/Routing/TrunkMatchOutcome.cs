namespace VoiceFunctions.Shared.Telephony.Routing;

public enum TrunkMatchOutcome
{
    /// <summary>Exactly one trunk serves the call.</summary>
    Matched,

    /// <summary>Two trunks list the called number: LiveKit errors with "Multiple SIP Trunks matched", the caller gets 503.</summary>
    AmbiguousNumber,

    /// <summary>Two default trunks (no numbers) match: "Multiple default SIP Trunks matched", 503.</summary>
    AmbiguousDefault,

    /// <summary>No trunk matches: LiveKit OSS goes on with no trunk, so only rules with no trunks apply.</summary>
    NoTrunk,
}
