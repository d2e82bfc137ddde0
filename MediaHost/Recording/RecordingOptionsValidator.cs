using Microsoft.Extensions.Options;

namespace VoiceFunctions.MediaHost.Recording;

/// <summary>Checks <see cref="RecordingOptions"/> when recording is enabled, naming every problem with its setting.</summary>
public sealed class RecordingOptionsValidator : IValidateOptions<RecordingOptions>
{
    public ValidateOptionsResult Validate(string? name, RecordingOptions o)
    {
        if (!o.Enabled)
        {
            return ValidateOptionsResult.Success;
        }
        var failures = new List<string>();
        if (!o.ControlPlaneConfigured)
        {
            failures.Add("Recording:Enabled needs ControlPlane:BaseUrl: the upload link and the call record come from the control plane");
        }
        if (o.SampleRate is not (8000 or 16000))
        {
            failures.Add($"Recording:SampleRate must be 8000 or 16000 (was {o.SampleRate})");
        }
        if (string.IsNullOrWhiteSpace(o.Directory))
        {
            failures.Add("Recording:Directory must name a folder for recordings waiting to be uploaded");
        }
        if (o.ConsentPhrase.Length > 500)
        {
            failures.Add("Recording:ConsentPhrase must be at most 500 characters");
        }
        Range(failures, "QueuedSeconds", o.QueuedSeconds, 2, 600);
        Range(failures, "MaxAttempts", o.MaxAttempts, 1, 20);
        Range(failures, "BlockBytes", o.BlockBytes, 64 * 1024, 100 * 1024 * 1024);
        Range(failures, "ParallelUploads", o.ParallelUploads, 1, 16);
        Range(failures, "UploadQueueCapacity", o.UploadQueueCapacity, 1, 100_000);
        if (o.FirstRetryDelay < TimeSpan.FromMilliseconds(10) || o.FirstRetryDelay > TimeSpan.FromMinutes(5))
        {
            failures.Add("Recording:FirstRetryDelay must be from 00:00:00.010 to 00:05:00");
        }
        if (o.RequestTimeout < TimeSpan.FromSeconds(1) || o.RequestTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add("Recording:RequestTimeout must be from 00:00:01 to 00:10:00");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string setting, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"Recording:{setting} must be from {min} to {max} (was {value})");
        }
    }
}
