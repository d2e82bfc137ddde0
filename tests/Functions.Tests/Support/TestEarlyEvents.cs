using Azure.Data.Tables;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Support;

/// <summary>
/// The early-event table that belongs with a test's call storage (same name suffix), so the webhook kit and the
/// orchestration harness built over one storage share it.
/// </summary>
public static class TestEarlyEvents
{
    public static TableClient Table(TestCallStorage storage) =>
        new(storage.Options.ConnectionString, "early" + storage.Options.TableName["calls".Length..]);

    public static EarlyEventStore Store(TestCallStorage storage) => new(Table(storage));
}
