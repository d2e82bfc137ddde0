using System.Buffers;
using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Recording;

/// <summary>
/// Records one call as stereo 16-bit PCM on the media clock: the caller on the left, the agent on the right (what was
/// sent, so a barge-in's cut is in it), each channel placed by its own count of 20 ms frames since the recording
/// started, so both stay aligned on the clock and a silent side is silence. Samples go into a window of two pooled
/// chunks (<see cref="ChunkSeconds"/> each); a chunk both channels have passed goes to the <see cref="RecordingFileWriter"/>
/// (a channel more than a chunk ahead pushes it out, the lagging side then being silent). No allocation per frame;
/// the clock never waits for the disk.
/// </summary>
public sealed class StereoRecorder : IMediaAudioTap
{
    public const int ChunkSeconds = 1;
    private const int Left = 0;
    private const int Right = 1;
    private static readonly short[] SilentFrame = new short[AudioFormat.SamplesPerFrame];

    private readonly object _lock = new();
    private readonly RecordingFileWriter _writer;
    private readonly Resampler? _callerResampler;
    private readonly Resampler? _agentResampler;
    private readonly short[] _resampled;
    private readonly int _chunkSamples; // per channel
    private readonly short[]?[] _window = new short[2][];
    private long _base; // the index of the chunk in _window[0]
    private long _callerPosition; // samples per channel written so far
    private long _agentPosition;
    private bool _completed;

    public StereoRecorder(RecordingFileWriter writer, int sampleRate)
    {
        _writer = writer;
        SampleRate = sampleRate;
        if (sampleRate != AudioFormat.SampleRate)
        {
            _callerResampler = new Resampler(AudioFormat.SampleRate, sampleRate);
            _agentResampler = new Resampler(AudioFormat.SampleRate, sampleRate);
        }
        _resampled = new short[(_callerResampler?.MaxOutputFor(AudioFormat.SamplesPerFrame) ?? AudioFormat.SamplesPerFrame) + 8];
        _chunkSamples = sampleRate * ChunkSeconds;
        _window[0] = Rent();
        _window[1] = Rent();
    }

    public int SampleRate { get; }

    /// <summary>Samples per channel recorded so far (the longer channel).</summary>
    public long Samples
    {
        get
        {
            lock (_lock)
            {
                return Math.Max(_callerPosition, _agentPosition);
            }
        }
    }

    public void CallerFrame(ReadOnlySpan<short> frame)
    {
        lock (_lock)
        {
            if (!_completed)
            {
                Append(ref _callerPosition, Left, _callerResampler, frame);
            }
        }
    }

    public void AgentFrame(ReadOnlySpan<short> frame)
    {
        lock (_lock)
        {
            if (!_completed)
            {
                Append(ref _agentPosition, Right, _agentResampler, frame.IsEmpty ? SilentFrame : frame);
            }
        }
    }

    /// <summary>Stops recording (later frames are ignored) and hands the rest, up to the longer channel, to the writer.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            if (_completed)
            {
                return;
            }
            _completed = true;
            var end = Math.Max(_callerPosition, _agentPosition);
            while (end > _base * _chunkSamples)
            {
                var samples = (int)Math.Min(_chunkSamples, end - _base * _chunkSamples);
                HandOver(samples);
            }
            for (var i = 0; i < _window.Length; i++)
            {
                if (_window[i] is { } chunk)
                {
                    ArrayPool<short>.Shared.Return(chunk);
                    _window[i] = null;
                }
            }
        }
    }

    // Under _lock.
    private void Append(ref long position, int channel, Resampler? resampler, ReadOnlySpan<short> frame)
    {
        var samples = resampler is null ? frame : _resampled.AsSpan(0, resampler.Process(frame, _resampled));
        while (!samples.IsEmpty)
        {
            var chunkIndex = position / _chunkSamples;
            var offset = (int)(position % _chunkSamples);
            var n = Math.Min(samples.Length, _chunkSamples - offset);
            if (chunkIndex >= _base)
            {
                while (chunkIndex >= _base + _window.Length)
                {
                    HandOver(_chunkSamples); // this channel is a whole chunk ahead: the other one was silent
                }
                var chunk = _window[chunkIndex - _base]!;
                for (var i = 0; i < n; i++)
                {
                    chunk[((offset + i) * 2) + channel] = samples[i];
                }
            }
            position += n;
            samples = samples[n..];
        }
        while (Math.Min(_callerPosition, _agentPosition) >= (_base + 1) * _chunkSamples)
        {
            HandOver(_chunkSamples);
        }
    }

    // Under _lock: the oldest chunk goes to the writer (its first samplesPerChannel frames); the window moves on by one.
    private void HandOver(int samplesPerChannel)
    {
        _writer.Write(_window[0]!, samplesPerChannel * 2);
        _window[0] = _window[1];
        _window[1] = Rent();
        _base++;
    }

    private short[] Rent()
    {
        var chunk = ArrayPool<short>.Shared.Rent(_chunkSamples * 2);
        Array.Clear(chunk, 0, _chunkSamples * 2);
        return chunk;
    }
}
