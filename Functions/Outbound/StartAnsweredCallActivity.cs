using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace VoiceFunctions.Functions.Outbound;

/// <summary>The Durable Task worker's form of <see cref="AnsweredCallStarter"/> (it needs the Durable client, as in the local host).</summary>
public sealed class StartAnsweredCallActivity(DurableTaskClient client, AnsweredCallStarter starter) : TaskActivity<AnsweredCallInput, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, AnsweredCallInput input) => starter.StartAsync(input, client, CancellationToken.None);
}
