using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Threading.Channels;

namespace VoiceFunctions.MediaHost.Recording;

/// <summary>
/// Writes a recording's stereo PCM to its WAV file off the media clock: the recorder hands over full chunks (pooled
/// arrays) without waiting; a task writes them and gives the arrays back to the pool. When the disk falls more than
/// <paramref name="queuedChunks"/> chunks behind, a chunk is dropped (counted) rather than making the clock wait.
/// </summary>
public sealed class RecordingFileWriter
{
    private readonly Channel<(short[] Chunk, int Samples)> _chunks;
    private readonly FileStream _file;
    private readonly int _sampleRate;
    private readonly Task _writing;
    private long _dataBytes;
    private int _lost;

    public RecordingFileWriter(string path, int sampleRate, int queuedChunks)
    {
        _sampleRate = sampleRate;
        _chunks = Channel.CreateBounded<(short[], int)>(new BoundedChannelOptions(queuedChunks) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read, 64 * 1024);
        _writing = Task.Run(WriteAsync);
    }

    /// <summary>Chunks dropped because the disk fell behind.</summary>
    public int Lost => Volatile.Read(ref _lost);

    /// <summary>Takes ownership of <paramref name="chunk"/> (from <see cref="ArrayPool{T}.Shared"/>): its first <paramref name="samples"/> interleaved samples are written. Never waits.</summary>
    public void Write(short[] chunk, int samples)
    {
        if (!_chunks.Writer.TryWrite((chunk, samples)))
        {
            Interlocked.Increment(ref _lost);
            ArrayPool<short>.Shared.Return(chunk);
        }
    }

    /// <summary>Writes what is queued, then the header with the final sizes, and closes the file. Returns the PCM byte count.</summary>
    public async Task<long> CompleteAsync()
    {
        _chunks.Writer.TryComplete();
        try
        {
            await _writing.ConfigureAwait(false);
            var header = new byte[WavHeader.Length];
            WavHeader.Write(header, _sampleRate, 2, (uint)Math.Min(_dataBytes, uint.MaxValue - 36));
            _file.Position = 0;
            _file.Write(header);
            _file.Flush();
            return _dataBytes;
        }
        finally
        {
            await _file.DisposeAsync().ConfigureAwait(false);
        }
    }

    // On its own task, off the media clock: a synchronous write of each chunk is simplest and blocks no one.
    private async Task WriteAsync()
    {
        _file.Write(new byte[WavHeader.Length]); // the placeholder, rewritten at the end
        await foreach (var (chunk, samples) in _chunks.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                var pcm = chunk.AsSpan(0, samples);
                if (!BitConverter.IsLittleEndian)
                {
                    BinaryPrimitives.ReverseEndianness(pcm, pcm);
                }
                _file.Write(MemoryMarshal.AsBytes(pcm));
                _dataBytes += samples * 2L;
            }
            finally
            {
                ArrayPool<short>.Shared.Return(chunk);
            }
        }
    }
}
