namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>Bounds the parser enforces so a hostile peer cannot make us buffer or allocate without limit.</summary>
/// <param name="MaxHeaderBytes">Start line plus headers, in bytes (default 16 KiB; real INVITEs are about 1 KiB).</param>
/// <param name="MaxHeaderCount">Header lines (default 100).</param>
/// <param name="MaxBodyBytes">Body bytes (default 64 KiB; an SDP is well under 4 KiB).</param>
public sealed record SipLimits(int MaxHeaderBytes = 16 * 1024, int MaxHeaderCount = 100, int MaxBodyBytes = 64 * 1024)
{
    public static readonly SipLimits Default = new();
}
