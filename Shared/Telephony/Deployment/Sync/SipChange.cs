using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.Shared.Telephony.Deployment.Sync;

/// <summary>One step of a plan: create, update or delete one trunk or rule, with the fields that differ.</summary>
public sealed record SipChange(
    SipChangeAction Action,
    SipObjectKind Kind,
    string Name,
    string? RemoteId,
    IReadOnlyList<FieldChange> Fields)
{
    /// <summary>What the object should become (create/update); rules name their trunks by name here.</summary>
    public SipInboundTrunkInfo? InboundTrunk { get; init; }

    public SipOutboundTrunkInfo? OutboundTrunk { get; init; }

    public SipDispatchRuleInfo? DispatchRule { get; init; }

    public string KindText => Kind switch
    {
        SipObjectKind.InboundTrunk => "inbound trunk",
        SipObjectKind.OutboundTrunk => "outbound trunk",
        _ => "dispatch rule",
    };

    public string ActionText => Action.ToString().ToLowerInvariant();

    public override string ToString() => $"{ActionText} {KindText} '{Name}'" + (RemoteId is null ? "" : $" ({RemoteId})");
}
