namespace VoiceFunctions.Shared.Telephony.Deployment.Sync;

public enum SipObjectKind
{
    InboundTrunk,
    OutboundTrunk,
    DispatchRule,
}
