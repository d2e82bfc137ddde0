namespace VoiceFunctions.Shared.Calls;

/// <summary>
/// The latest known state of the call's recording (a LiveKit egress of the call's room), as reported
/// by LiveKit's egress webhooks. <see cref="Location"/> is where the file (or playlist/manifest) was
/// written, once the egress says so; <see cref="Error"/> is LiveKit's error text when it failed;
/// <see cref="Duration"/> and <see cref="SizeBytes"/> are the file's, from the egress's file result.
/// </summary>
public sealed record CallRecording(string EgressId, string Status, bool Ended, string? Location, string? Error, DateTimeOffset UpdatedAt,
    TimeSpan? Duration = null, long? SizeBytes = null)
{
    /// <summary>
    /// Folds a newer report into the current one. Webhooks can arrive out of order: a report of an
    /// egress that already ended never reopens it (egress_updated after egress_ended), and an older
    /// report of the same egress never replaces a newer one. A different egress id replaces the
    /// current one (the room was recorded again).
    /// </summary>
    public static CallRecording Fold(CallRecording? current, CallRecording incoming)
    {
        if (current is null || current.EgressId != incoming.EgressId)
        {
            return incoming;
        }
        if (current.Ended && !incoming.Ended)
        {
            return current;
        }
        if (current.Ended == incoming.Ended && incoming.UpdatedAt < current.UpdatedAt)
        {
            return current;
        }
        return incoming;
    }
}
