namespace VoiceFunctions.Shared.LiveKit.Api.Errors;

/// <summary>Our own per-attempt timeout ran out before the server answered (not the server's deadline_exceeded).</summary>
public sealed class LiveKitTimeoutException(string method, TimeSpan timeout, Exception? inner = null)
    : LiveKitException(method, $"LiveKit {method} failed: no answer within {timeout.TotalSeconds:0.###} s", inner)
{
    public TimeSpan Timeout { get; } = timeout;

    public override bool IsTransient => true;
}
