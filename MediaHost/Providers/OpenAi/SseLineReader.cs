using System.Text;

namespace VoiceFunctions.MediaHost.Providers;

/// <summary>
/// Splits a server-sent-events body into event payloads: "data:" lines are joined (an event may span several),
/// a blank line ends an event, comments (":") and other fields are skipped. Reads through <see cref="OpenAiHttp.ReadAsync"/>,
/// so each wait for bytes has the stream idle timeout.
/// </summary>
internal sealed class SseLineReader(Stream body, OpenAiHttp http, string provider)
{
    private readonly byte[] _buffer = new byte[8 * 1024];
    private readonly List<byte> _line = [];
    private readonly StringBuilder _data = new();
    private int _start;
    private int _end;

    /// <summary>The next event's data, or null at the end of the body.</summary>
    public async Task<string?> ReadEventAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                return TakeData();
            }
            if (line.Length == 0)
            {
                if (TakeData() is { } data)
                {
                    return data;
                }
                continue;
            }
            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                if (_data.Length > 0)
                {
                    _data.Append('\n');
                }
                _data.Append(line.AsSpan(line.Length > 5 && line[5] == ' ' ? 6 : 5));
            }
        }
    }

    private string? TakeData()
    {
        if (_data.Length == 0)
        {
            return null;
        }
        var data = _data.ToString();
        _data.Clear();
        return data;
    }

    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            for (var i = _start; i < _end; i++)
            {
                if (_buffer[i] == (byte)'\n')
                {
                    _line.AddRange(_buffer.AsSpan(_start, i - _start));
                    _start = i + 1;
                    return TakeLine();
                }
            }
            _line.AddRange(_buffer.AsSpan(_start, _end - _start));
            _start = _end = 0;
            var n = await http.ReadAsync(body, _buffer, provider, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return _line.Count > 0 ? TakeLine() : null;
            }
            _end = n;
        }
    }

    private string TakeLine()
    {
        var count = _line.Count > 0 && _line[^1] == (byte)'\r' ? _line.Count - 1 : _line.Count;
        var line = Encoding.UTF8.GetString(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_line)[..count]);
        _line.Clear();
        return line;
    }
}
