using System.Threading.Channels;
using VoiceFunctions.Shared.Calls.AgentEvents;

namespace VoiceFunctions.MediaHost.ControlPlane;

/// <summary>
/// The bounded queue between the calls and <see cref="ControlPlaneEventSender"/>. Enqueueing never waits:
/// the audio loop must not stall on the control plane. One reader, so a call's events keep their order.
/// </summary>
public sealed class CallEventQueue(ControlPlaneOptions options)
{
    private readonly Channel<AgentEventMessage> _channel = Channel.CreateBounded<AgentEventMessage>(
        new BoundedChannelOptions(options.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private long _dropped;

    public long Dropped => Interlocked.Read(ref _dropped);

    /// <returns>False when the queue is full and the event was dropped.</returns>
    public bool TryEnqueue(AgentEventMessage message)
    {
        if (_channel.Writer.TryWrite(message))
        {
            return true;
        }
        Interlocked.Increment(ref _dropped);
        return false;
    }

    public ChannelReader<AgentEventMessage> Reader => _channel.Reader;

    public void Complete() => _channel.Writer.TryComplete();
}
