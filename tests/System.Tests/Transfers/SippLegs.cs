using System.Collections.Concurrent;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests.Transfers;

/// <summary>The sipp legs the dial hook placed; each is stopped when the test ends, whatever happened.</summary>
internal sealed class SippLegs : IDisposable
{
    private readonly ConcurrentQueue<SippProcess> _legs = new();

    public void Add(SippProcess leg) => _legs.Enqueue(leg);

    public SippProcess Single() => Assert.Single(_legs);

    public void Dispose()
    {
        foreach (var leg in _legs)
        {
            leg.Dispose();
        }
    }
}
