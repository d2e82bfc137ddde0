using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Calls;

namespace VoiceFunctions.MediaHost.Recording;

/// <summary>
/// Wraps the call handler to record the calls <see cref="IRecordingPolicy"/> says to record: once the call is answered
/// (and the consent announcement, if any, has been played, so it is not in the recording) a <see cref="StereoRecorder"/>
/// taps the call's media clock; when the handler returns, the file is finished and queued for upload. A recording
/// that cannot start (disk) is logged and the call goes on unrecorded: a call never fails because of its recording.
/// </summary>
public sealed class RecordingCallHandler(
    ICallHandler inner, IRecordingPolicy policy, ConsentAnnouncer consent, IRecordedFileSink uploads, Func<string, string> controlPlaneCallId,
    IOptions<RecordingOptions> options, ILogger<RecordingCallHandler> logger) : ICallHandler
{
    public async Task HandleAsync(IIncomingCall call, CancellationToken cancellationToken)
    {
        var decision = policy.Decide(call.Call);
        if (!decision.Record)
        {
            await inner.HandleAsync(call, cancellationToken).ConfigureAwait(false);
            return;
        }
        var recording = new RecordingIncomingCall(call, this, decision);
        try
        {
            await inner.HandleAsync(recording, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await recording.FinishAsync().ConfigureAwait(false);
        }
    }

    private async Task<(StereoRecorder Recorder, RecordingFileWriter Writer, string CallId, string Path)?> StartAsync(
        ICallSession session, InboundCall call, RecordingDecision decision, CancellationToken ct)
    {
        var callId = controlPlaneCallId(call.CallId);
        if (decision.ConsentPhrase.Length > 0)
        {
            try
            {
                await consent.PlayAsync(session, decision.ConsentPhrase, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                RecordingLog.ConsentFailed(logger, callId, e.GetType().Name);
                return null; // without the announcement the caller has not been told: no recording
            }
        }
        try
        {
            var o = options.Value;
            Directory.CreateDirectory(o.Directory);
            var path = Path.Combine(o.Directory, SafeFileName(callId) + ".wav");
            var writer = new RecordingFileWriter(path, o.SampleRate, o.QueuedSeconds / StereoRecorder.ChunkSeconds);
            var recorder = new StereoRecorder(writer, o.SampleRate);
            session.AttachAudioTap(recorder);
            RecordingLog.Started(logger, callId, path, o.SampleRate);
            return (recorder, writer, callId, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RecordingLog.RecordingFailed(logger, callId, e.Message);
            return null;
        }
    }

    private async Task FinishAsync(ICallSession session, (StereoRecorder Recorder, RecordingFileWriter Writer, string CallId, string Path) started)
    {
        session.AttachAudioTap(null);
        started.Recorder.Complete();
        try
        {
            var dataBytes = await started.Writer.CompleteAsync().ConfigureAwait(false);
            var duration = TimeSpan.FromSeconds(dataBytes / (4.0 * started.Recorder.SampleRate));
            var file = new RecordedFile(started.CallId, started.Path, duration, dataBytes + WavHeader.Length, started.Writer.Lost);
            RecordingLog.Finished(logger, file.CallId, duration.TotalSeconds, file.SizeBytes, file.LostChunks);
            uploads.Enqueue(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RecordingLog.RecordingFailed(logger, started.CallId, e.Message);
        }
    }

    private static string SafeFileName(string callId) =>
        string.Concat(callId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));

    private sealed class RecordingIncomingCall(IIncomingCall inner, RecordingCallHandler owner, RecordingDecision decision) : IIncomingCall
    {
        private ICallSession? _session;
        private (StereoRecorder, RecordingFileWriter, string, string)? _started;

        public InboundCall Call => inner.Call;

        public async Task<ICallSession> AnswerAsync(CancellationToken cancellationToken)
        {
            var session = await inner.AnswerAsync(cancellationToken).ConfigureAwait(false);
            _session = session;
            _started = await owner.StartAsync(session, inner.Call, decision, cancellationToken).ConfigureAwait(false);
            return session;
        }

        public Task RejectAsync(int sipStatus, string reason, CancellationToken cancellationToken) => inner.RejectAsync(sipStatus, reason, cancellationToken);

        public Task FinishAsync() => _session is { } session && _started is { } started ? owner.FinishAsync(session, started) : Task.CompletedTask;
    }
}
