namespace VoiceFunctions.MediaHost.Agent.FrontEnd;

/// <summary>
/// The DC notch speexdsp's echo canceller puts on the caller's side before cancelling (radius 0.982 at 16 kHz): a
/// high-pass around 0–40 Hz. While the canceller is skipped (the agent long quiet) this does the same to the caller's
/// audio, so what the noise suppressor and the VAD see does not change when the canceller comes and goes (without it,
/// pink noise came out 19 dB less suppressed: its hum below 40 Hz was left in). No allocation.
/// </summary>
internal sealed class DcNotchFilter
{
    private const float Radius = 0.982f;
    private const float Denominator = Radius * Radius + 0.7f * (1 - Radius) * (1 - Radius);

    private float _memory0;
    private float _memory1;

    public void Run(ReadOnlySpan<short> input, Span<short> output)
    {
        for (var i = 0; i < input.Length; i++)
        {
            float x = input[i];
            var y = _memory0 + x;
            _memory0 = _memory1 + 2 * (-x + Radius * y);
            _memory1 = x - Denominator * y;
            output[i] = (short)Math.Clamp(MathF.Round(Radius * y), short.MinValue, short.MaxValue);
        }
    }
}
