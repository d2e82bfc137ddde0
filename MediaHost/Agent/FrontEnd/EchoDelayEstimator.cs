namespace VoiceFunctions.MediaHost.Agent.FrontEnd;

/// <summary>
/// Finds the line's bulk echo delay (20–300 ms and more on real calls) so the echo canceller's filter can be short:
/// a long filter converges too slowly on speech. It correlates the log-energy envelopes of the agent's audio and the
/// caller's side in 5 ms blocks at every lag up to the maximum, with ~0.5 s of exponential memory, and reports the lag of
/// the strongest correlation once it clearly stands out. Pure arithmetic over arrays made up front: no allocation.
/// </summary>
internal sealed class EchoDelayEstimator
{
    public const int BlockSamples = 80; // 5 ms at 16 kHz

    /// <summary>Per-block memory: 1 − 1/100 is a ~0.5 s time constant at 5 ms blocks (1 s took 1–2 s longer to follow
    /// a changed path, with no gain in stability on the simulated lines).</summary>
    private const double Memory = 1 - 1.0 / 100;

    /// <summary>A new lag must beat the current one by this factor, so the estimate does not flicker between neighbours.</summary>
    private const double Hysteresis = 1.2;

    /// <summary>The correlation coefficient the peak needs before it is trusted at all.</summary>
    private const double MinCorrelation = 0.3;

    /// <summary>Blocks seen before the first estimate (300 ms): fewer give chance peaks, each costing a re-convergence.</summary>
    private const int WarmUpBlocks = 60;

    private readonly double[] _farHistory;
    private readonly double[] _covariance;
    private double _farMean;
    private double _nearMean;
    private double _farVariance;
    private double _nearVariance;
    private int _newest;
    private int _blocks;

    public EchoDelayEstimator(int maxDelayMs)
    {
        var lags = maxDelayMs / 5 + 1; // blocks of 5 ms
        _farHistory = new double[lags];
        _covariance = new double[lags];
    }

    /// <summary>The current estimate in samples (0 until the first confident estimate).</summary>
    public int DelaySamples => CurrentLag * BlockSamples;

    /// <summary>A confident estimate has been made (before it, <see cref="DelaySamples"/> is a placeholder 0).</summary>
    public bool HasEstimate { get; private set; }

    private int CurrentLag { get; set; }

    /// <summary>Forgets the correlation learnt so far (the echo path changed): the next estimate comes from the new path
    /// alone after the warm-up, instead of waiting for the old path's peak to fade from the memory. The current lag
    /// stays the estimate until then.</summary>
    public void Reset()
    {
        Array.Clear(_covariance);
        _farMean = _nearMean = _farVariance = _nearVariance = 0;
        _blocks = 0;
        HasEstimate = false;
    }

    /// <summary>Takes one frame of the agent's audio and of the caller's side (same length, a multiple of 5 ms).</summary>
    public void Update(ReadOnlySpan<short> farEnd, ReadOnlySpan<short> nearEnd)
    {
        for (var offset = 0; offset + BlockSamples <= farEnd.Length; offset += BlockSamples)
        {
            UpdateBlock(LogEnergy(farEnd.Slice(offset, BlockSamples)), LogEnergy(nearEnd.Slice(offset, BlockSamples)));
        }
        ChooseLag();
    }

    private void UpdateBlock(double far, double near)
    {
        _newest = (_newest + 1) % _farHistory.Length;
        _farHistory[_newest] = far;
        _blocks++;
        // A plain running average until the memory is full, so the first second is not biased towards zero.
        var weight = Math.Max(1.0 / _blocks, 1 - Memory);
        _farMean += weight * (far - _farMean);
        _nearMean += weight * (near - _nearMean);
        var nearDeviation = near - _nearMean;
        _farVariance += weight * ((far - _farMean) * (far - _farMean) - _farVariance);
        _nearVariance += weight * (nearDeviation * nearDeviation - _nearVariance);
        var lags = Math.Min(_covariance.Length, _blocks);
        for (var lag = 0; lag < lags; lag++)
        {
            var index = _newest - lag;
            var farThen = _farHistory[index < 0 ? index + _farHistory.Length : index];
            _covariance[lag] += weight * ((farThen - _farMean) * nearDeviation - _covariance[lag]);
        }
    }

    private void ChooseLag()
    {
        if (_blocks < WarmUpBlocks)
        {
            return;
        }
        var best = 0;
        for (var lag = 1; lag < _covariance.Length; lag++)
        {
            if (_covariance[lag] > _covariance[best])
            {
                best = lag;
            }
        }
        var scale = Math.Sqrt(_farVariance * _nearVariance) + 1e-9;
        if (_covariance[best] / scale < MinCorrelation)
        {
            return;
        }
        HasEstimate = true;
        if (best == CurrentLag)
        {
            return;
        }
        if (_covariance[best] > Hysteresis * Math.Max(_covariance[CurrentLag], 0))
        {
            CurrentLag = best;
        }
    }

    /// <summary>Log energy of a block (natural log; +1 keeps digital silence finite).</summary>
    private static double LogEnergy(ReadOnlySpan<short> block)
    {
        double sum = 0;
        foreach (var s in block)
        {
            sum += s * s;
        }
        return Math.Log(sum + 1);
    }
}
