using System.Collections.Concurrent;

namespace VoiceFunctions.System.Tests.Transfers;

/// <summary>The sipp legs the dial hook placed; each is stopped when the test ends, whatever happened.</summary>
internal sealed class SippLegs : IDisposable
{
    private readonly ConcurrentQueue<SippCallerProcess> _legs = new();

    public void Add(SippCallerProcess leg) => _legs.Enqueue(leg);

    public SippCallerProcess Single() => Assert.Single(_legs);

    public void Dispose()
    {
        foreach (var leg in _legs)
        {
            leg.Dispose();
        }
    }
}
