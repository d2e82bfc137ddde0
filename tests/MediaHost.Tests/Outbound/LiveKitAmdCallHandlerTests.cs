using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.ControlPlane;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Outbound;
using VoiceFunctions.MediaHost.Outbound.Amd;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.Outbound;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Outbound;

/// <summary>
/// LiveKit mode: the agent's leg of a call we placed hears a voicemail greeting (noise without a pause, longer than the
/// machine threshold) and is hung up on. The verdict must be on its way to the control plane before the BYE: the BYE
/// makes LiveKit end the room and the callee leave, and a control plane that finalized the call before it heard the
/// answer would have a call that never answered and no "machine" for the campaign's retry rule.
/// </summary>
public sealed class LiveKitAmdCallHandlerTests
{
    private const string CallId = "call-out-amd-order-1";
    private static readonly ControlPlaneOptions Keys = new() { KeyId = "mediahost", Secret = "control-plane-secret-0123456789abcdef", CallIdFromSipHeader = true };

    [Fact]
    public async Task A_machine_hung_up_on_has_its_answer_with_the_machine_verdict_queued_for_the_control_plane_before_the_hang_up()
    {
        var queue = new CallEventQueue(Keys);
        var reporter = new CallEventReporter(queue, TimeProvider.System, NullLogger<CallEventReporter>.Instance);
        var reporting = new ReportingCallHandler(new AnswerOnly(), reporter, callIdFromSipHeader: true);
        var handler = new LiveKitAmdCallHandler(reporting, new AmdOptions(), Keys, NullLogger<LiveKitAmdCallHandler>.Instance, TimeProvider.System, reporter);
        var session = new VoicemailSession(Described("HangUp"), queue);

        await handler.HandleAsync(new Leg(session), CancellationToken.None).DefaultTimeout();

        Assert.True(session.HungUp, "the machine was not hung up on");
        var before = Assert.Single(session.QueuedBeforeHangUp, e => e.Type == AgentEventType.Answered);
        Assert.Equal((CallId, "machine"), (before.CallId, before.AnsweredBy));
    }

    private static InboundCall Described(string amd)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [AgentCallHeaders.CallId] = CallId };
        var encoded = new OutboundCallContext("+15557654321", amd, new Dictionary<string, string>()).Encode();
        headers[OutboundCallContext.HeaderName] = encoded;
        headers[OutboundCallContext.SignatureHeaderName] = BodySignature.Sign(OutboundCallContext.SignedBytes(CallId, encoded), Keys.KeyId,
            Encoding.UTF8.GetBytes(Keys.Secret), TimeProvider.System.GetUtcNow());
        return new InboundCall("sip-amd-order@127.0.0.1", "+15550009999", "+15550002222", headers, "PCMU/8000");
    }

    private sealed class AnswerOnly : ICallHandler
    {
        public async Task HandleAsync(IIncomingCall call, CancellationToken cancellationToken) => await call.AnswerAsync(cancellationToken);
    }

    private sealed class Leg(VoicemailSession session) : IIncomingCall
    {
        public InboundCall Call => session.Call;
        public Task<ICallSession> AnswerAsync(CancellationToken cancellationToken) => Task.FromResult<ICallSession>(session);
        public Task RejectAsync(int sipStatus, string reason, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>A greeting that never pauses (loud noise, not a tone) until hung up; what was queued for the control plane at the hang-up is kept.</summary>
    private sealed class VoicemailSession(InboundCall call, CallEventQueue queue) : ICallSession
    {
        private readonly Random _noise = new(7);
        private readonly TaskCompletionSource<CallEnded> _ended = new();

        public InboundCall Call => call;
        public Task<CallEnded> Ended => _ended.Task;
        public bool HungUp { get; private set; }
        public List<AgentEventMessage> QueuedBeforeHangUp { get; } = [];

        public ValueTask<bool> ReadFrameAsync(Memory<short> destination, CancellationToken cancellationToken)
        {
            if (HungUp)
            {
                return ValueTask.FromResult(false);
            }
            foreach (ref var sample in destination.Span)
            {
                sample = (short)_noise.Next(-6000, 6000);
            }
            return ValueTask.FromResult(true);
        }

        public Task HangUpAsync(CallEndReason reason, CancellationToken cancellationToken)
        {
            while (queue.Reader.TryRead(out var message))
            {
                QueuedBeforeHangUp.Add(message);
            }
            HungUp = true;
            _ended.TrySetResult(new CallEnded(reason, null, "BYE"));
            return Task.CompletedTask;
        }

        public ValueTask WriteFrameAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken) => ValueTask.CompletedTask;
        public int ClearPlayback() => 0;
        public async IAsyncEnumerable<DtmfDigit> DtmfDigits([global::System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            yield break;
        }
        public Task<TransferResult> TransferAsync(string target, CancellationToken cancellationToken) => Task.FromResult(new TransferResult(false, null, "not supported"));
        public Task<bool> SendDtmfAsync(char digit, TimeSpan duration, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
