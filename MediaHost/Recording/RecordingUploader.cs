using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Recording;

/// <summary>
/// Uploads finished recordings after their calls, a few at a time: for each attempt a new write-only link from the
/// control plane, then the file to Blob Storage. A failed attempt goes on the call's timeline with its reason and is
/// retried after a doubling delay; after the last one the file stays on disk (logged) and the record says why. A
/// successful upload puts the blob's location, duration and size in the record and removes the local file.
/// </summary>
public sealed class RecordingUploader(
    UploadGrantClient grants, BlobUploadClient blobs, RecordingEvents events, IOptions<RecordingOptions> options, TimeProvider time,
    ILogger<RecordingUploader> logger) : BackgroundService, IRecordedFileSink
{
    private readonly Channel<RecordedFile> _queue = Channel.CreateBounded<RecordedFile>(options.Value.UploadQueueCapacity);

    /// <summary>Queues a finished recording; false (logged, file kept) when the queue is full.</summary>
    public bool Enqueue(RecordedFile file)
    {
        if (_queue.Writer.TryWrite(file))
        {
            return true;
        }
        RecordingLog.QueueFull(logger, file.CallId, file.Path);
        return false;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.ParallelUploads).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var file in _queue.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                await UploadAsync(file, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>Uploads one recording with its retries; true when it is in Blob Storage.</summary>
    public async Task<bool> UploadAsync(RecordedFile file, CancellationToken ct)
    {
        var o = options.Value;
        var delay = o.FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            string reason;
            RecordingUploadGrant? grant = null;
            try
            {
                grant = await grants.RequestAsync(file, ct).ConfigureAwait(false);
                await blobs.UploadAsync(grant.UploadUrl, file.Path, "audio/wav", o.BlockBytes, ct).ConfigureAwait(false);
                events.Uploaded(file, grant.Location);
                File.Delete(file.Path);
                RecordingLog.Uploaded(logger, file.CallId, grant.Location, attempt);
                return true;
            }
            catch (RecordingUploadException e)
            {
                // The service's code for an expired SAS varies (Azure: AuthenticationFailed, Azurite: AuthorizationFailure): say so when we know.
                reason = e.Status == 403 && grant is not null && time.GetUtcNow() >= grant.ExpiresAt
                    ? $"{e.Message}; the link expired at {grant.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC"
                    : e.Message;
            }
            catch (IOException e)
            {
                reason = "the local file could not be read: " + e.Message;
            }
            RecordingLog.AttemptFailed(logger, file.CallId, attempt, reason);
            if (attempt >= o.MaxAttempts)
            {
                events.Failed(file, attempt, reason);
                RecordingLog.GaveUp(logger, file.CallId, attempt, reason, file.Path);
                return false;
            }
            events.AttemptFailed(file, attempt, reason, delay);
            await Task.Delay(delay, time, ct).ConfigureAwait(false);
            delay *= 2;
        }
    }
}
