namespace VoiceFunctions.MediaHost.Tests;

/// <summary>
/// Tests that measure real-time audio or per-packet allocations run in this collection: xunit runs it on its own,
/// after the parallel collections, so no other test class competes for the two cores or the thread they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasurementCollection
{
    public const string Name = "Measurements that must not share the machine";
}
