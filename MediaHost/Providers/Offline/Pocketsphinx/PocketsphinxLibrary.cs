namespace VoiceFunctions.MediaHost.Providers.Offline;

/// <summary>Process-wide settings of the native library.</summary>
internal static class PocketsphinxLibrary
{
    private static int _silenced;

    /// <summary>
    /// Turns off the library's own logging (it writes model-loading chatter to stderr for every decoder); failures
    /// still surface as return codes, which the decoder turns into <see cref="ProviderException"/>s.
    /// </summary>
    public static void SilenceLog()
    {
        if (Interlocked.Exchange(ref _silenced, 1) == 0)
        {
            PocketsphinxNative.SetLogFile(IntPtr.Zero);
        }
    }
}
