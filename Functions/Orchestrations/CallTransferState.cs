namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>
/// The call's transfer to a human, folded from its events. A request (LiveKit mode) outranks a REFER report: the MediaHost's
/// leg may leave with reason Transferred beside its request, and the request is what the control plane acts on.
/// The first target given wins.
/// </summary>
/// <param name="Mode">Done by the MediaHost's REFER, or asked of the control plane.</param>
/// <param name="Target">Where the caller goes (sip:, sips: or tel: URI), when the event said.</param>
public sealed record CallTransferState(TransferMode Mode, string? Target)
{
    /// <summary>The state after <paramref name="current"/> sees a transfer event of <paramref name="mode"/>.</summary>
    public static CallTransferState Fold(CallTransferState? current, TransferMode mode, string? target) => current switch
    {
        null => new CallTransferState(mode, target),
        { Mode: TransferMode.Referred } when mode == TransferMode.Requested => new CallTransferState(mode, target),
        { Target: null } when mode == current.Mode => current with { Target = target },
        _ => current,
    };
}
