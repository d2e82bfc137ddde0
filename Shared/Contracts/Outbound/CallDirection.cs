namespace VoiceFunctions.Shared.Outbound;

/// <summary>Who placed the call: the caller dialled one of our numbers, or we dialled the callee.</summary>
public enum CallDirection
{
    Inbound,
    Outbound,
}
