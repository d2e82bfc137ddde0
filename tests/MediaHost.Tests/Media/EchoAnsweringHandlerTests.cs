using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Tests.Agent;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Media;

public sealed class EchoAnsweringHandlerTests
{
    private sealed class Incoming(ICallSession session) : IIncomingCall
    {
        public InboundCall Call => session.Call;

        public Task<ICallSession> AnswerAsync(CancellationToken cancellationToken) => Task.FromResult(session);

        public Task RejectAsync(int sipStatus, string reason, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [Fact]
    public async Task The_prompt_fills_the_playback_queue_without_waiting_for_the_caller_so_a_stalled_loop_leaves_no_hole()
    {
        // The caller's frames never come (the loop is stalled on its read); the prompt must still be queued as far as
        // the playback queue allows (500 ms on the RTP path), not frame by frame as audio is heard.
        var session = new TestCallSession(playbackCapacity: 25) { FramePace = TimeSpan.FromHours(1) };
        var handling = new EchoAnsweringHandler().HandleAsync(new Incoming(session), CancellationToken.None);

        await MediaTestPeer.Eventually(() => session.QueuedFrames == 25, "25 prompt frames queued");
        session.HangUpByCaller();
        await handling.DefaultTimeout();
    }
}
