namespace VoiceFunctions.Functions.Campaigns;

/// <summary>
/// The calling hours: whether a call may start now in the callee's local time, and if not, the UTC instant the
/// window opens next. Pure (time and zone are given), so a replaying orchestration computes the same answer.
/// </summary>
public static class CallingWindow
{
    /// <returns><paramref name="utcNow"/> when inside the window (or no window is set), else the next opening, in UTC.</returns>
    public static DateTime NextStart(DateTime utcNow, TimeZoneInfo zone, TimeOnly? start, TimeOnly? end)
    {
        if (start is not { } from || end is not { } until)
        {
            return utcNow;
        }
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), zone);
        var time = TimeOnly.FromDateTime(local);
        var inside = from < until ? time >= from && time < until : time >= from || time < until;
        if (inside)
        {
            return utcNow;
        }
        // Outside: the window opens next at "from", today if that is still ahead, else tomorrow.
        var day = DateOnly.FromDateTime(local);
        var opening = day.ToDateTime(from, DateTimeKind.Unspecified);
        if (opening <= local)
        {
            opening = opening.AddDays(1);
        }
        // A local time skipped by a daylight-saving change does not exist: the window opens when the clock jumps past it.
        while (zone.IsInvalidTime(opening))
        {
            opening = opening.AddMinutes(15);
        }
        return TimeZoneInfo.ConvertTimeToUtc(opening, zone);
    }
}
