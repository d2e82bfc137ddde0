namespace VoiceFunctions.MediaHost.Tests.Media.Interop;

/// <summary>
/// Runs the service's own media-path warm-up once per test process, before a real-time interop test starts its
/// media clock (the tests build sessions without the hosted service that does it in the MediaHost).
/// </summary>
internal static class MediaPathWarmUp
{
    private static readonly Lazy<bool> Done = new(() =>
    {
        VoiceFunctions.MediaHost.Media.MediaPathWarmUp.Run();
        return true;
    });

    public static void EnsureDone() => _ = Done.Value;
}
