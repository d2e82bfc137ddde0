namespace VoiceFunctions.Functions.Outbound;

/// <summary>A post-call report was not accepted by the receiver; the message says why and holds no URL or secret.</summary>
public sealed class PostCallDeliveryException(string message) : Exception(message);
