namespace VoiceFunctions.MediaHost.Agent.FrontEnd;

/// <summary>Counts what a call's front-end reports (<see cref="Stats"/>) and records the call's metrics when disposed,
/// around any <see cref="IAudioFrontEnd"/>.</summary>
public sealed class MeteredFrontEnd(IAudioFrontEnd inner, FrontEndMetrics metrics) : IAudioFrontEnd
{
    private bool _disposed;

    public FrontEndCallStats Stats { get; } = new();

    public IAudioFrontEnd Inner => inner;

    public FrontEndFrame Process(ReadOnlySpan<short> farEnd, Span<short> nearEnd)
    {
        var frame = inner.Process(farEnd, nearEnd);
        Stats.Add(frame);
        return frame;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        metrics.Record(Stats);
        inner.Dispose();
    }
}
