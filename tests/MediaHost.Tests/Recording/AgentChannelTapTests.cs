using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Tests.Media;

namespace VoiceFunctions.MediaHost.Tests.Recording;

/// <summary>
/// The agent's channel of a recording is what was sent: the pacer reports each slot's frame as it fills it, so audio
/// dropped by a barge-in before it left is not in the recording, and a slot that could not be sent (hold) is silence.
/// </summary>
public sealed class AgentChannelTapTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly byte[] _packet = new byte[1500];

    private sealed class Levels : IMediaAudioTap
    {
        public List<short?> Agent { get; } = [];

        public void CallerFrame(ReadOnlySpan<short> frame)
        {
        }

        public void AgentFrame(ReadOnlySpan<short> frame) => Agent.Add(frame.IsEmpty ? null : frame[0]);
    }

    [Fact]
    public void Audio_cleared_by_a_barge_in_is_not_in_the_agent_channel_and_held_slots_are_silence()
    {
        var queue = new FrameRing(25, AudioFormat.SamplesPerFrame, _time);
        var tap = new Levels();
        var pacer = new OutboundPacer(queue, AudioFormat.SamplesPerFrame, _time) { Tap = tap };
        var media = new OutboundMedia(G711Codec.CreateMuLaw(), 0, 101, 20, 7, 100, 1000);
        for (short i = 1; i <= 10; i++)
        {
            Assert.True(queue.WriteAsync(Enumerable.Repeat(i, AudioFormat.SamplesPerFrame).ToArray(), CancellationToken.None).IsCompletedSuccessfully);
        }
        var tickMs = _time.NowMs;
        void Tick(bool maySend = true)
        {
            tickMs += 20;
            _time.NowMs = tickMs;
            pacer.CloseSlot(media, maySend, _packet);
            pacer.OpenSlot(tickMs, media, maySend, _packet);
        }

        Tick(); // the first slot's deadline sends frame 1, the next slot opens with frame 2
        Tick(); // frame 3 at the next opening
        queue.Clear(); // barge-in: frames 4-10, queued but not sent, are dropped
        Tick(); // the open slot is already filled; the next one opens empty
        Tick(maySend: false); // on hold: the empty slot's deadline sends nothing
        Tick(); // off hold, nothing queued: silence

        Assert.Equal(new short?[] { 1, 2, 3, null, null }, tap.Agent.ToArray());
    }
}
