namespace VoiceFunctions.MediaHost.Sip.Policy;

public enum InboundVerdict
{
    Allow,
    Drop,
    Reject,
}
