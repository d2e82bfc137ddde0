namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>How the caller is being handed to a human.</summary>
public enum TransferMode
{
    /// <summary>
    /// The MediaHost's SIP REFER on its own leg was accepted (direct mode, where its leg is the caller's): the transfer
    /// is done; the control plane only records it.
    /// </summary>
    Referred,

    /// <summary>
    /// LiveKit mode: the agent asked the control plane to transfer the caller; the control plane does it with
    /// TransferSIPParticipant on the caller's participant (the MediaHost's leg is not the caller's).
    /// </summary>
    Requested,
}
