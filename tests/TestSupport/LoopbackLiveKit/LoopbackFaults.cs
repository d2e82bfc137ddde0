using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Errors;

namespace VoiceFunctions.TestSupport.LoopbackLiveKit;

/// <summary>
/// Fault injection: the next N calls of a method (or of every method, "*") get a fault instead of the
/// normal answer. Faults are taken in the order they were added; each is used up after its count.
/// </summary>
public sealed class LoopbackFaults
{
    public const string AnyMethod = "*";

    private readonly object _lock = new();
    private readonly List<(string Method, LoopbackFault Fault, int Remaining)> _queue = [];

    /// <summary>Fails the next <paramref name="count"/> calls of <paramref name="method"/> with a Twirp error.</summary>
    public void FailNext(TwirpMethod method, int count, TwirpErrorCode code, string message = "injected fault", IReadOnlyDictionary<string, string>? meta = null) =>
        Add(method.FullName, count, new LoopbackFault { TwirpError = code, Message = message, Meta = meta });

    /// <summary>Fails the next calls with a raw HTTP status (e.g. 502 from a proxy, plain text).</summary>
    public void FailNextWithStatus(TwirpMethod method, int count, int httpStatus, string body = "bad gateway", string contentType = "text/plain; charset=utf-8") =>
        Add(method.FullName, count, new LoopbackFault { HttpStatus = httpStatus, Body = body, ContentType = contentType });

    /// <summary>Closes the connection of the next calls without answering.</summary>
    public void DropNext(TwirpMethod method, int count) => Add(method.FullName, count, new LoopbackFault { DropConnection = true });

    /// <summary>Delays the next calls (then answers normally).</summary>
    public void DelayNext(TwirpMethod method, int count, TimeSpan delay) => Add(method.FullName, count, new LoopbackFault { Delay = delay });

    /// <summary>Adds any fault for a method's full name ("SIP/CreateSIPParticipant") or <see cref="AnyMethod"/>.</summary>
    public void Add(string method, int count, LoopbackFault fault)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_lock)
        {
            _queue.Add((method, fault, count));
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _queue.Clear();
        }
    }

    /// <summary>Takes the fault for this call, if one is queued.</summary>
    internal LoopbackFault? Take(string method)
    {
        lock (_lock)
        {
            var index = _queue.FindIndex(f => f.Method == method || f.Method == AnyMethod);
            if (index < 0)
            {
                return null;
            }
            var (name, fault, remaining) = _queue[index];
            if (remaining <= 1)
            {
                _queue.RemoveAt(index);
            }
            else
            {
                _queue[index] = (name, fault, remaining - 1);
            }
            return fault;
        }
    }
}
