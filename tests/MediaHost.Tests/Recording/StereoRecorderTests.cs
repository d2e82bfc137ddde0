using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Recording;

namespace VoiceFunctions.MediaHost.Tests.Recording;

/// <summary>
/// The stereo recorder on the media clock: the caller left, the agent right, each placed by its own frame count so a
/// silent side is silence and both stay aligned; the file's header matches its data; no allocation per frame.
/// </summary>
public sealed class StereoRecorderTests : IDisposable
{
    private const int Frame = AudioFormat.SamplesPerFrame;
    private readonly string _folder = Directory.CreateTempSubdirectory("recorder-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static short[] Level(short value) => Enumerable.Repeat(value, Frame).ToArray();

    private async Task<RecordedWav> RecordAsync(int sampleRate, Action<StereoRecorder> feed)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".wav");
        var writer = new RecordingFileWriter(path, sampleRate, queuedChunks: 30);
        var recorder = new StereoRecorder(writer, sampleRate);
        feed(recorder);
        recorder.Complete();
        var dataBytes = await writer.CompleteAsync();
        Assert.Equal(new FileInfo(path).Length - WavHeader.Length, dataBytes);
        return RecordedWav.Read(path);
    }

    [Fact]
    public async Task The_caller_is_on_the_left_and_the_agent_on_the_right_aligned_tick_by_tick()
    {
        var caller = Level(1000);
        var agent = Level(-2000);
        // 150 ticks (3 s): the caller speaks in ticks 0-49, the agent in ticks 25-99, then both are silent.
        var wav = await RecordAsync(16000, r =>
        {
            for (var tick = 0; tick < 150; tick++)
            {
                r.CallerFrame(tick < 50 ? caller : new short[Frame]);
                r.AgentFrame(tick is >= 25 and < 100 ? agent : ReadOnlySpan<short>.Empty);
            }
        });

        Assert.Equal((16000, 2), (wav.SampleRate, wav.Channels));
        Assert.Equal(150 * Frame, wav.Left.Length);
        Assert.Equal(wav.Left.Length * 4, wav.DeclaredDataBytes);
        Assert.All(wav.Left[..(50 * Frame)], s => Assert.Equal(1000, s));
        Assert.All(wav.Left[(50 * Frame)..], s => Assert.Equal(0, s));
        Assert.All(wav.Right[..(25 * Frame)], s => Assert.Equal(0, s));
        Assert.All(wav.Right[(25 * Frame)..(100 * Frame)], s => Assert.Equal(-2000, s));
        Assert.All(wav.Right[(100 * Frame)..], s => Assert.Equal(0, s));
    }

    [Fact]
    public async Task A_side_that_sends_nothing_is_silence_and_the_other_side_is_kept_whole()
    {
        // Only caller frames for 2.5 s (the agent's send slots never reported): the chunks go out as the caller passes
        // them, the agent's channel is silence, and nothing of the caller is lost at the end.
        var wav = await RecordAsync(16000, r =>
        {
            for (var tick = 0; tick < 125; tick++)
            {
                r.CallerFrame(Level((short)(tick + 1)));
            }
        });

        Assert.Equal(125 * Frame, wav.Left.Length);
        Assert.Equal(1, wav.Left[0]);
        Assert.Equal(125, wav.Left[^1]);
        Assert.All(wav.Right, s => Assert.Equal(0, s));
    }

    [Fact]
    public async Task At_8_kHz_the_file_is_half_the_samples_and_keeps_the_calls_length()
    {
        var wav = await RecordAsync(8000, r =>
        {
            for (var tick = 0; tick < 100; tick++)
            {
                r.CallerFrame(Level(3000));
                r.AgentFrame(ReadOnlySpan<short>.Empty);
            }
        });

        Assert.Equal(8000, wav.SampleRate);
        Assert.InRange(wav.Left.Length, 100 * Frame / 2 - 2, 100 * Frame / 2 + 2);
        Assert.InRange(wav.Left[wav.Left.Length / 2], 2900, 3100); // the resampled level, past the filter's start
    }

    [Fact]
    public async Task Frames_after_the_end_are_ignored()
    {
        StereoRecorder? kept = null;
        var wav = await RecordAsync(16000, r =>
        {
            r.CallerFrame(Level(5));
            r.AgentFrame(Level(6));
            kept = r;
        });
        kept!.CallerFrame(Level(7)); // a late tick after the recording was completed
        kept.AgentFrame(Level(8));

        Assert.Equal(Frame, wav.Left.Length);
    }

    [Theory]
    [InlineData(16000)]
    [InlineData(8000)]
    public async Task Recording_a_frame_allocates_nothing(int sampleRate)
    {
        long allocated = -1;
        await RecordAsync(sampleRate, r =>
        {
            var caller = Level(1200);
            var agent = Level(-900);
            for (var tick = 0; tick < 60; tick++) // warm-up, past the first chunk handover (50 ticks)
            {
                r.CallerFrame(caller);
                r.AgentFrame(agent);
            }
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var tick = 60; tick < 99; tick++) // within one chunk: per-frame work only
            {
                r.CallerFrame(caller);
                r.AgentFrame(tick % 2 == 0 ? agent : ReadOnlySpan<short>.Empty);
            }
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        });
        Assert.Equal(0, allocated);
    }
}
