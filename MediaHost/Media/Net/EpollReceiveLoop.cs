using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace VoiceFunctions.MediaHost.Media.Net;

/// <summary>
/// One receive thread serving many UDP sockets through a Linux epoll set (level-triggered): it waits until some are
/// readable, reads one datagram from each ready socket and hands it to that socket's handler, then waits again, so a
/// socket with more queued is reported again on the next wait and no socket can starve the others. An eventfd in the
/// set wakes the thread to stop. Events name a <see cref="SocketReceiver.Token"/>, not a descriptor, so an event for a
/// socket removed meanwhile (whose descriptor number a new socket may already reuse) finds nothing and is skipped.
/// </summary>
internal sealed unsafe class EpollReceiveLoop : IDisposable
{
    private const int MaxEvents = 256;
    private const ulong WakeToken = 0;
    private const int MaxDatagram = 65_536;
    private const int StackBytes = 256 * 1024;

    private readonly EpollEventLayout _layout = EpollEventLayout.Current;
    private readonly ConcurrentDictionary<ulong, SocketReceiver> _receivers = new();
    private readonly byte[] _buffer = new byte[MaxDatagram];
    private readonly object _controlGate = new(); // orders set changes against closing the set's descriptors
    private readonly int _epoll;
    private readonly int _wake;
    private readonly byte* _events;
    private readonly Thread _thread;
    private volatile bool _stopping;
    private long _datagrams;
    private long _handlerFaults;
    private long _readErrors;

    public EpollReceiveLoop(string threadName)
    {
        _epoll = EpollNative.EpollCreate(EpollNative.CloseOnExec);
        if (_epoll < 0)
        {
            throw new SocketException(Marshal.GetLastPInvokeError());
        }
        _wake = EpollNative.EventFd(0, EpollNative.CloseOnExec | EpollNative.NonBlocking);
        if (_wake < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            EpollNative.Close(_epoll);
            throw new SocketException(error);
        }
        _events = (byte*)NativeMemory.AllocZeroed((nuint)(MaxEvents * _layout.Size));
        if (Control(EpollNative.ControlAdd, _wake, WakeToken) is var error2 and not 0)
        {
            ReleaseNative();
            throw new SocketException(error2);
        }
        _thread = new Thread(Run, StackBytes) { IsBackground = true, Name = threadName };
        _thread.Start();
    }

    /// <summary>Datagrams handed to handlers so far.</summary>
    public long Datagrams => Interlocked.Read(ref _datagrams);

    /// <summary>Handler calls that threw (the loop goes on serving every socket).</summary>
    public long HandlerFaults => Interlocked.Read(ref _handlerFaults);

    /// <summary>Reads that returned a socket error (ICMP unreachable and the like) instead of a datagram.</summary>
    public long ReadErrors => Interlocked.Read(ref _readErrors);

    /// <summary>Sockets this loop serves now.</summary>
    public int Sockets => _receivers.Count;

    /// <summary>Adds a socket (already non-blocking); thread-safe. Throws <see cref="SocketException"/> when epoll refuses it.</summary>
    public void Add(SocketReceiver receiver)
    {
        lock (_controlGate)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            _receivers[receiver.Token] = receiver;
            var error = WithDescriptor(receiver.Socket, fd => Control(EpollNative.ControlAdd, fd, receiver.Token));
            if (error != 0)
            {
                _receivers.TryRemove(receiver.Token, out _);
                throw new SocketException(error);
            }
        }
    }

    /// <summary>Removes a socket; thread-safe, and harmless when the socket was closed already (closing left the set).</summary>
    public void Remove(SocketReceiver receiver)
    {
        lock (_controlGate)
        {
            _receivers.TryRemove(receiver.Token, out _);
            if (!_stopping)
            {
                WithDescriptor(receiver.Socket, fd => Control(EpollNative.ControlDelete, fd, receiver.Token));
            }
        }
    }

    public void Dispose()
    {
        lock (_controlGate)
        {
            if (_stopping)
            {
                return;
            }
            _stopping = true;
        }
        ulong one = 1;
        EpollNative.Write(_wake, &one, sizeof(ulong));
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
            ReleaseNative();
        }
    }

    private void Run()
    {
        MediaThreadPriority.TryRaiseCurrentThread();
        var events = new ReadOnlySpan<byte>(_events, MaxEvents * _layout.Size);
        while (!_stopping)
        {
            var ready = EpollNative.EpollWait(_epoll, _events, MaxEvents, -1);
            if (ready < 0)
            {
                if (Marshal.GetLastPInvokeError() == EpollNative.Interrupted)
                {
                    continue;
                }
                return; // the set itself is gone: only happens when the process tears down
            }
            for (var i = 0; i < ready; i++)
            {
                var token = _layout.ReadData(events, i);
                if (token == WakeToken)
                {
                    continue; // _stopping is set; the eventfd stays readable, which is fine since we leave
                }
                if (_receivers.TryGetValue(token, out var receiver))
                {
                    Receive(receiver);
                }
            }
        }
    }

    private void Receive(SocketReceiver receiver)
    {
        try
        {
            switch (receiver.ReceiveReady(_buffer))
            {
                case ReceiveOutcome.Delivered:
                    Interlocked.Increment(ref _datagrams);
                    break;
                case ReceiveOutcome.Error:
                    Interlocked.Increment(ref _readErrors);
                    break;
            }
        }
        catch (Exception)
        {
            // A handler's bug must not stop media for every other call this loop serves.
            Interlocked.Increment(ref _handlerFaults);
        }
    }

    private int Control(int operation, int fd, ulong token)
    {
        Span<byte> entry = stackalloc byte[_layout.Size];
        _layout.Write(entry, 0, EpollNative.Readable, token);
        fixed (byte* pointer = entry)
        {
            return EpollNative.EpollControl(_epoll, operation, fd, pointer) == 0 ? 0 : Marshal.GetLastPInvokeError();
        }
    }

    // Holds the socket's handle open for the call, so a concurrent close cannot hand its number to another socket first.
    private static int WithDescriptor(Socket socket, Func<int, int> action)
    {
        var handle = socket.SafeHandle;
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return action((int)handle.DangerousGetHandle());
        }
        catch (ObjectDisposedException)
        {
            return 0;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private void ReleaseNative()
    {
        NativeMemory.Free(_events);
        EpollNative.Close(_wake);
        EpollNative.Close(_epoll);
    }
}
