using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Support;

/// <summary>
/// A client for baresip's ctrl_tcp module: netstring-framed JSON ("len:{...},"). Commands carry a token and get a
/// response with the same token; events (call progress) arrive in between and are queued for <see cref="WaitForEventAsync"/>.
/// </summary>
public sealed class BaresipControl : IDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<(bool Ok, string Data)>> _pending = new();
    private readonly Channel<BaresipEvent> _events = Channel.CreateUnbounded<BaresipEvent>();
    private readonly List<BaresipEvent> _seen = [];
    private readonly Task _reader;
    private int _tokens;

    private BaresipControl(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
        _reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>Every event received so far (also those already consumed by a wait), for failure messages.</summary>
    public IReadOnlyList<BaresipEvent> Seen
    {
        get
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }
    }

    /// <summary>Connects, retrying while baresip is still starting up.</summary>
    public static async Task<BaresipControl> ConnectAsync(int port, Func<bool> peerAlive, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TaskTimeoutExtensions.Standard;
        while (true)
        {
            var client = new TcpClient();
            try
            {
                await client.ConnectAsync("127.0.0.1", port, cancellationToken);
                return new BaresipControl(client);
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && peerAlive())
            {
                client.Dispose();
                await Task.Delay(100, cancellationToken);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }
    }

    /// <summary>Runs a command (dial, hangup, accept, quit...) and returns its data; throws when baresip says it failed.</summary>
    public async Task<string> CommandAsync(string command, string? parameters = null)
    {
        var token = "t" + Interlocked.Increment(ref _tokens).ToString(CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<(bool, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[token] = completion;
        var json = parameters is null
            ? JsonSerializer.Serialize(new { command, token })
            : JsonSerializer.Serialize(new { command, @params = parameters, token });
        var payload = Encoding.UTF8.GetBytes(json);
        var frame = Encoding.ASCII.GetBytes(payload.Length.ToString(CultureInfo.InvariantCulture) + ":").Concat(payload).Append((byte)',').ToArray();
        await _stream.WriteAsync(frame);
        var (ok, data) = await completion.Task.DefaultTimeout();
        return ok ? data : throw new InvalidOperationException($"baresip refused '{command} {parameters}': {data}");
    }

    /// <summary>Waits for the next event of <paramref name="type"/> (others are skipped), e.g. "CALL_ESTABLISHED".</summary>
    public async Task<BaresipEvent> WaitForEventAsync(string type, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TaskTimeoutExtensions.Standard);
        try
        {
            while (true)
            {
                var next = await _events.Reader.ReadAsync(cancel.Token);
                if (next.Type == type)
                {
                    return next;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"baresip sent no {type} event; events so far: {string.Join(", ", Seen.Select(e => e.Type + "(" + e.Param + ")"))}");
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        try
        {
            while (true)
            {
                var read = await _stream.ReadAsync(chunk);
                if (read == 0)
                {
                    break;
                }
                buffer.AddRange(chunk.AsSpan(0, read));
                while (TryTakeFrame(buffer, out var json))
                {
                    Dispatch(json);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
        {
        }
        _events.Writer.TryComplete();
        foreach (var pending in _pending.Values)
        {
            pending.TrySetResult((false, "the control connection closed"));
        }
    }

    private static bool TryTakeFrame(List<byte> buffer, out string json)
    {
        json = "";
        var colon = buffer.IndexOf((byte)':');
        if (colon < 0 || !int.TryParse(Encoding.ASCII.GetString([.. buffer.GetRange(0, colon)]), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            || buffer.Count < colon + 1 + length + 1)
        {
            return false;
        }
        json = Encoding.UTF8.GetString([.. buffer.GetRange(colon + 1, length)]);
        buffer.RemoveRange(0, colon + 1 + length + 1);
        return true;
    }

    private void Dispatch(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.TryGetProperty("response", out _))
        {
            var token = root.TryGetProperty("token", out var t) ? t.GetString() : null;
            if (token is not null && _pending.TryRemove(token, out var completion))
            {
                var data = root.TryGetProperty("data", out var d) ? d.GetString() ?? "" : "";
                completion.TrySetResult((root.TryGetProperty("ok", out var ok) && ok.GetBoolean(), data));
            }
            return;
        }
        if (root.TryGetProperty("event", out _))
        {
            var evt = BaresipEvent.From(root);
            lock (_seen)
            {
                _seen.Add(evt);
            }
            _events.Writer.TryWrite(evt);
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _ = _reader;
    }
}
