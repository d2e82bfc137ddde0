namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>A call we placed was refused or failed before answer; carries the SIP status. Never retried automatically.</summary>
public sealed class SipCallFailedException(int status, string detail) : Exception($"call failed: {detail}")
{
    public int Status => status;

    /// <summary>A placed call must not be dialled twice by a retry policy.</summary>
    public bool IsTransient => false;
}
