using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace VoiceFunctions.TestSupport.Baresip;

/// <summary>
/// A client of baresip's ctrl_tcp module: commands go out as netstring-framed JSON
/// (<c>{"command":"dial","params":"sip:…","token":"1"}</c>), and baresip answers each with a response of the same
/// token and pushes every UA event (CALL_ESTABLISHED, CALL_DTMF_START, CALL_CLOSED…) on the same connection.
/// Every event is kept, so a test can wait for one that already happened.
/// </summary>
public sealed class BaresipControl : IDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly List<JsonElement> _events = [];
    private readonly Dictionary<string, TaskCompletionSource<JsonElement>> _pending = [];
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _token;

    private BaresipControl(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
        _ = ReadLoopAsync();
    }

    /// <summary>Connects to ctrl_tcp on 127.0.0.1:<paramref name="port"/>, retrying while baresip starts up.</summary>
    public static async Task<BaresipControl> ConnectAsync(int port, Func<bool> stillRunning, TimeSpan timeout)
    {
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var client = new TcpClient();
            try
            {
                await client.ConnectAsync("127.0.0.1", port);
                return new BaresipControl(client);
            }
            catch (SocketException) when (elapsed.Elapsed < timeout && stillRunning())
            {
                client.Dispose();
                await Task.Delay(100);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }
    }

    /// <summary>Every event received so far, oldest first.</summary>
    public IReadOnlyList<JsonElement> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Runs a menu command (dial, hangup, sndcode…) and returns baresip's response text; throws if it failed.</summary>
    public async Task<string> CommandAsync(string command, string parameters = "")
    {
        var token = Interlocked.Increment(ref _token).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_pending)
        {
            _pending[token] = response;
        }
        var json = JsonSerializer.SerializeToUtf8Bytes(new { command, @params = parameters, token });
        var frame = Encoding.ASCII.GetBytes(json.Length + ":").Concat(json).Append((byte)',').ToArray();
        await _stream.WriteAsync(frame);
        var result = await response.Task.WaitAsync(TimeSpan.FromSeconds(15));
        var data = result.TryGetProperty("data", out var d) ? d.GetString() ?? "" : "";
        if (!result.TryGetProperty("ok", out var ok) || !ok.GetBoolean())
        {
            throw new InvalidOperationException($"baresip refused '{command} {parameters}': {data}");
        }
        return data;
    }

    /// <summary>Waits for the first event (already received or still to come) of <paramref name="type"/> that matches.</summary>
    public async Task<JsonElement> WaitForEventAsync(string type, TimeSpan timeout, Func<JsonElement, bool>? match = null)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_events)
            {
                foreach (var e in _events)
                {
                    if (TypeOf(e) == type && (match?.Invoke(e) ?? true))
                    {
                        return e;
                    }
                }
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no baresip event {type} within {timeout.TotalSeconds:F0} s; events: {string.Join(", ", Events.Select(TypeOf))}");
            }
        }
    }

    public static string TypeOf(JsonElement e) => e.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";

    public static string ParamOf(JsonElement e) => e.TryGetProperty("param", out var p) ? p.GetString() ?? "" : "";

    private async Task ReadLoopAsync()
    {
        var buffer = new List<byte>();
        var chunk = new byte[8192];
        try
        {
            while (true)
            {
                var n = await _stream.ReadAsync(chunk, _stop.Token);
                if (n == 0)
                {
                    return;
                }
                buffer.AddRange(chunk.AsSpan(0, n));
                while (TryTakeNetstring(buffer, out var message))
                {
                    Dispatch(JsonDocument.Parse(message).RootElement.Clone());
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            lock (_pending)
            {
                foreach (var pending in _pending.Values)
                {
                    pending.TrySetException(new IOException("baresip closed its control connection"));
                }
            }
        }
    }

    // A netstring is "<length>:<bytes>,".
    private static bool TryTakeNetstring(List<byte> buffer, out byte[] message)
    {
        message = [];
        var colon = buffer.IndexOf((byte)':');
        if (colon <= 0 || !int.TryParse(Encoding.ASCII.GetString(buffer.GetRange(0, colon).ToArray()), out var length) || buffer.Count < colon + 1 + length + 1)
        {
            return false;
        }
        message = buffer.GetRange(colon + 1, length).ToArray();
        buffer.RemoveRange(0, colon + 1 + length + 1);
        return true;
    }

    private void Dispatch(JsonElement message)
    {
        if (message.TryGetProperty("response", out _) && message.TryGetProperty("token", out var token))
        {
            lock (_pending)
            {
                if (_pending.Remove(token.GetString() ?? "", out var pending))
                {
                    pending.TrySetResult(message);
                }
            }
            return;
        }
        lock (_events)
        {
            _events.Add(message);
            var changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.TrySetResult();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _client.Dispose();
    }
}
