using DurableTask.Core;
using DurableTask.Core.History;

namespace VoiceFunctions.Functions.LocalHost;

/// <summary>
/// The sidecar builds the ExecutionStartedEvent of a sub-orchestration (and of a ContinueAsNew) with the request's
/// protobuf tag map as its Tags; the Azure Storage provider serializes messages with their .NET type names and then
/// cannot load Google.Protobuf's map type back, so the child never starts. Tags are copied into a plain dictionary
/// before the provider sees them (Azure Functions' own host does not have this problem: it has no such sidecar).
/// </summary>
public static class PlainTags
{
    public static void Apply(IEnumerable<TaskMessage>? messages)
    {
        foreach (var message in messages ?? [])
        {
            Apply(message?.Event);
        }
    }

    public static void Apply(IEnumerable<HistoryEvent>? events)
    {
        foreach (var e in events ?? [])
        {
            Apply(e);
        }
    }

    private static void Apply(HistoryEvent? e)
    {
        if (e is ExecutionStartedEvent { Tags: { } tags } started && tags.GetType() != typeof(Dictionary<string, string>))
        {
            started.Tags = new Dictionary<string, string>(tags);
        }
    }
}
