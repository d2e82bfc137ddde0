namespace VoiceFunctions.Shared.Calls.AgentEvents;

/// <summary>Whether the MediaHost received or sent a SIP message (JSON "received" / "sent").</summary>
public enum SipMessageDirection
{
    Received,
    Sent,
}
