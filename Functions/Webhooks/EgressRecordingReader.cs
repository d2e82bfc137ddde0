using System.Text.Json;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit.Webhooks.Models;
using EgressStatus = VoiceFunctions.Shared.LiveKit.Webhooks.Models.EgressStatus;

namespace VoiceFunctions.Functions.Webhooks;

/// <summary>
/// Turns an egress webhook into the call's recording state. Where the output went is not in the
/// parsed model (its result lists vary by output kind), so it is read from the raw event: the first
/// file result's location (or file name), the legacy single file, the first segment playlist, and
/// last the manifest. Both protobuf JSON spellings (camelCase and snake_case) are accepted.
/// </summary>
public static class EgressRecordingReader
{
    public static CallRecording? Read(WebhookEvent e, DateTimeOffset at)
    {
        var info = e.EgressInfo;
        if (info is null || string.IsNullOrEmpty(info.EgressId))
        {
            return null;
        }
        var ended = e.Type == WebhookEventType.EgressEnded
            || info.Status is EgressStatus.Complete or EgressStatus.Failed or EgressStatus.Aborted or EgressStatus.LimitReached;
        var error = string.IsNullOrEmpty(info.Error) ? null : info.Error;
        // The egress's own update time orders its reports (the webhook's createdAt has second precision).
        var updatedAt = info.UpdatedAtNs > 0 ? DateTimeOffset.UnixEpoch.AddTicks(info.UpdatedAtNs / 100) : at;
        var file = info.FileResults.FirstOrDefault(f => !string.IsNullOrEmpty(f.Location) || !string.IsNullOrEmpty(f.Filename));
        return new CallRecording(info.EgressId, info.Status.ToString(), ended, OutputLocation(e) ?? NullIfEmpty(info.ManifestLocation), error, updatedAt,
            file is { DurationNs: > 0 } ? TimeSpan.FromTicks(file.DurationNs / 100) : null,
            file is { SizeBytes: > 0 } ? file.SizeBytes : null);
    }

    private static string? OutputLocation(WebhookEvent e)
    {
        if (!TryProperty(e.Raw, "egressInfo", "egress_info", out var info) || info.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        return FirstOf(info, "fileResults", "file_results", "location", "filename")
            ?? (TryProperty(info, "file", "file", out var file) ? Location(file, "location", "filename") : null)
            ?? FirstOf(info, "segmentResults", "segment_results", "playlistLocation", "playlist_location");
    }

    private static string? FirstOf(JsonElement info, string camel, string snake, string field, string fallbackField)
    {
        if (!TryProperty(info, camel, snake, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        foreach (var item in list.EnumerateArray())
        {
            if (Location(item, field, fallbackField) is { } location)
            {
                return location;
            }
        }
        return null;
    }

    private static string? Location(JsonElement item, string field, string fallbackField)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (var name in new[] { field, Snake(field), fallbackField, Snake(fallbackField) })
        {
            if (item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }
        return null;
    }

    private static bool TryProperty(JsonElement element, string camel, string snake, out JsonElement value)
    {
        value = default;
        return element.ValueKind == JsonValueKind.Object && (element.TryGetProperty(camel, out value) || element.TryGetProperty(snake, out value));
    }

    private static string Snake(string camel) => string.Concat(camel.Select(c => char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
