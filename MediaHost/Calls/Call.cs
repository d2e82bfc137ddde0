using System.Runtime.CompilerServices;
using System.Threading.Channels;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Rtp.Dtmf;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Calls;

/// <summary>
/// One call, composed: its signalling leg (SIP dialog), its media session (RTP audio), and what the call reports to the
/// agent (DTMF digits from both, how it ended). The agent's frames go straight to the media session. Once the call has
/// ended, audio writes are quiet no-ops: a call that ends while the agent speaks is normal, not an error.
/// </summary>
public sealed class Call : ICallSession
{
    private readonly ISipCallSignalling _leg;
    private readonly IMediaSession _media;
    // DTMF is a control event, but a peer could flood INFO: keep the newest 64 rather than grow without limit.
    private readonly Channel<DtmfDigit> _dtmf = Channel.CreateBounded<DtmfDigit>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
    private InboundCall _description;

    public Call(ISipCallSignalling leg, IMediaSession media, SipCallParties parties)
    {
        _leg = leg;
        _media = media;
        _description = new InboundCall(leg.CallId, parties.Caller, parties.Called, parties.ExposedHeaders, leg.Codec);
        leg.DtmfReceived += digit => _dtmf.Writer.TryWrite(digit);
        media.DtmfReceived += digit => _dtmf.Writer.TryWrite(digit);
        media.Failed += leg.EndFromMedia;
        leg.Ended.ContinueWith(_ => _dtmf.Writer.TryComplete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>What is known of the call; the codec follows the leg (a placed call learns it from the answer).</summary>
    public InboundCall Description => _description.Codec == _leg.Codec ? _description : _description = _description with { Codec = _leg.Codec };

    InboundCall ICallSession.Call => Description;

    public Task<CallEnded> Ended => _leg.Ended;

    public ValueTask<bool> ReadFrameAsync(Memory<short> destination, CancellationToken cancellationToken) =>
        _leg.HasEnded ? ValueTask.FromResult(false) : _media.ReadFrameAsync(destination, cancellationToken);

    public ValueTask WriteFrameAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken)
    {
        if (_leg.HasEnded || !_leg.MaySendAudio)
        {
            return ValueTask.CompletedTask; // over, or on hold: nothing may be sent, and the agent need not care
        }
        try
        {
            var write = _media.WriteFrameAsync(frame, cancellationToken);
            return write.IsCompletedSuccessfully ? ValueTask.CompletedTask : QuietAfterEndAsync(write);
        }
        catch (InvalidOperationException) when (_leg.HasEnded)
        {
            return ValueTask.CompletedTask; // the call ended between the check and the write
        }
    }

    public int ClearPlayback() => _media.ClearPlayback();

    public int CallerFramesQueued => _media.CallerFramesQueued;

    public bool AttachEchoReference(IMediaAudioTap? sink) => _media.AttachEchoReference(sink);

    public void AttachAudioTap(IMediaAudioTap? tap) => _media.AttachAudioTap(tap);

    public async IAsyncEnumerable<DtmfDigit> DtmfDigits([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var digit in _dtmf.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return digit;
        }
    }

    public async Task<bool> SendDtmfAsync(char digit, TimeSpan duration, CancellationToken cancellationToken)
    {
        TelephoneEvent.CodeOf(digit); // throws for anything that is not a DTMF key
        if (!_leg.IsConnected)
        {
            return false;
        }
        if (await _media.SendDtmfAsync(digit, duration, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }
        return await _leg.SendDtmfInfoAsync(digit, duration, cancellationToken).ConfigureAwait(false);
    }

    public Task HangUpAsync(CallEndReason reason, CancellationToken cancellationToken) => _leg.HangUpAsync(reason, cancellationToken);

    public Task<TransferResult> TransferAsync(string target, CancellationToken cancellationToken) => _leg.TransferAsync(target, cancellationToken);

    public Quality.MediaQualityCounters? ReadQuality() => _media.ReadQuality();

    // A write that waited for room in the playback queue when the call ended: the queue refuses it, quietly.
    private async ValueTask QuietAfterEndAsync(ValueTask write)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        catch (InvalidOperationException) when (_leg.HasEnded)
        {
        }
    }
}
