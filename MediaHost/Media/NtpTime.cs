namespace VoiceFunctions.MediaHost.Media;

/// <summary>NTP time (RFC 5905: seconds since 1900 in 32.32 fixed point) from the injected clock's wall time, for RTCP.</summary>
internal static class NtpTime
{
    private const long SecondsFrom1900To1970 = 2_208_988_800L;

    public static ulong Now(TimeProvider time)
    {
        var unixMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var seconds = (ulong)(unixMs / 1000 + SecondsFrom1900To1970);
        var fraction = (ulong)(unixMs % 1000) * 0x1_0000_0000UL / 1000;
        return (seconds << 32) | fraction;
    }
}
