using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;
using VoiceFunctions.Functions.Orchestrations;

namespace VoiceFunctions.Functions.Tests.Support;

/// <summary>
/// A DurableTaskClient double that keeps the instances it "started" and the events "raised", so
/// webhook tests check exactly which Durable calls a request caused.
/// </summary>
public sealed class DurableClientMock
{
    private readonly Dictionary<string, OrchestrationRuntimeStatus> _instances = new();

    public DurableClientMock()
    {
        Mock.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .Returns((string id, bool _, CancellationToken _) => Task.FromResult(
                _instances.TryGetValue(id, out var status) ? new OrchestrationMetadata(nameof(CallOrchestrator), id) { RuntimeStatus = status } : null));
        Mock.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .Returns((TaskName name, object? input, StartOrchestrationOptions? options, CancellationToken _) =>
            {
                if (FailNextStart)
                {
                    FailNextStart = false;
                    throw new InvalidOperationException("the task hub is unavailable");
                }
                if (CancelNextStart)
                {
                    CancelNextStart = false;
                    throw new OperationCanceledException("the request was aborted (the sender timed out)");
                }
                Started.Add((name.Name, options!.InstanceId!, (CallStart)input!));
                _instances[options.InstanceId!] = OrchestrationRuntimeStatus.Pending;
                return Task.FromResult(options.InstanceId!);
            });
        Mock.Setup(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Returns((string id, string name, object? payload, CancellationToken _) =>
            {
                Raised.Add((id, name, (CallEvent)payload!));
                return Task.CompletedTask;
            });
    }

    public Mock<DurableTaskClient> Mock { get; } = new(MockBehavior.Strict, "test");
    public DurableTaskClient Object => Mock.Object;
    public List<(string Name, string InstanceId, CallStart Input)> Started { get; } = [];
    public List<(string InstanceId, string EventName, CallEvent Event)> Raised { get; } = [];
    public bool FailNextStart { get; set; }
    /// <summary>The next start is cancelled, as when the sender gives up on the request (its timeout) while it is handled.</summary>
    public bool CancelNextStart { get; set; }

    public void SetInstance(string id, OrchestrationRuntimeStatus status) => _instances[id] = status;
}
