using System.Threading.Channels;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Tests.Sip.UserAgent;

/// <summary>Hands each ringing call to the test, which decides when to answer or reject it.</summary>
public sealed class ControlledCallHandler : ICallHandler
{
    private readonly Channel<IIncomingCall> _calls = Channel.CreateUnbounded<IIncomingCall>();

    public async Task HandleAsync(IIncomingCall call, CancellationToken cancellationToken)
    {
        await _calls.Writer.WriteAsync(call, cancellationToken);
    }

    public ValueTask<IIncomingCall> NextAsync() => _calls.Reader.ReadAsync();
}
