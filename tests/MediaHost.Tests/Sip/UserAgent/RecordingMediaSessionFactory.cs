using System.Net;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Tests.Sip.UserAgent;

/// <summary>A media factory that records what the SIP stack asked of it (no sockets), with a settable port pool.</summary>
public sealed class RecordingMediaSessionFactory : IMediaSessionFactory
{
    private int _nextPort = 40000;

    public int PortsLeft { get; set; } = 100;

    public List<RecordingMediaSession> Sessions { get; } = [];

    public IMediaSession? TryAllocate(string callId)
    {
        if (PortsLeft-- <= 0)
        {
            return null;
        }
        var session = new RecordingMediaSession(new IPEndPoint(IPAddress.Parse("10.0.0.1"), _nextPort += 2));
        Sessions.Add(session);
        return session;
    }
}

public sealed class RecordingMediaSession(IPEndPoint local) : IMediaSession
{
    public IPEndPoint LocalEndpoint => local;

    public IReadOnlyList<MediaCodec> Codecs => HoldingMediaSessionFactory.DefaultCodecs;

    public List<NegotiatedMedia> Applied { get; } = [];

    public bool Stopped { get; private set; }

    public event Action<DtmfDigit>? DtmfReceived;

    public event Action<CallEnded>? Failed;

    public void Start(NegotiatedMedia media) => Applied.Add(media);

    public void Update(NegotiatedMedia media) => Applied.Add(media);

    public Task StopAsync()
    {
        Stopped = true;
        return Task.CompletedTask;
    }

    public ValueTask<bool> ReadFrameAsync(Memory<short> destination, CancellationToken cancellationToken) => ValueTask.FromResult(!Stopped);

    /// <summary>Like the RTP session's playback ring: a frame written after the media stopped is refused with an exception.</summary>
    public ValueTask WriteFrameAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken)
    {
        if (Stopped)
        {
            throw new InvalidOperationException("The call has ended; no more audio can be written.");
        }
        FramesWritten++;
        return ValueTask.CompletedTask;
    }

    public int FramesWritten { get; private set; }

    public int ClearPlayback() => 0;

    /// <summary>Whether this media "negotiated" telephone-event: true sends digits in RTP, false makes the SIP stack use INFO.</summary>
    public bool SendsRtpEvents { get; set; }

    public List<char> DigitsSent { get; } = [];

    public Task<bool> SendDtmfAsync(char digit, TimeSpan duration, CancellationToken cancellationToken)
    {
        if (SendsRtpEvents)
        {
            DigitsSent.Add(digit);
        }
        return Task.FromResult(SendsRtpEvents);
    }

    public void RaiseDtmf(DtmfDigit digit) => DtmfReceived?.Invoke(digit);

    public void RaiseFailure(CallEnded ended) => Failed?.Invoke(ended);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
