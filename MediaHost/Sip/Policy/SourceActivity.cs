namespace VoiceFunctions.MediaHost.Sip.Policy;

/// <summary>Counters for one source address: fixed windows per minute and per hour, and a ban deadline.</summary>
internal sealed class SourceActivity
{
    public long MinuteWindow { get; set; } = -1;
    public long HourWindow { get; set; } = -1;
    public int RequestsThisMinute { get; set; }
    public int CallsThisMinute { get; set; }
    public int CallsThisHour { get; set; }
    public int FailedAuthenticationsThisMinute { get; set; }
    public DateTimeOffset BannedUntil { get; set; }
    public DateTimeOffset LastSeen { get; set; }

    public void Roll(DateTimeOffset now)
    {
        var minute = now.ToUnixTimeSeconds() / 60;
        if (minute != MinuteWindow)
        {
            MinuteWindow = minute;
            RequestsThisMinute = 0;
            CallsThisMinute = 0;
            FailedAuthenticationsThisMinute = 0;
        }
        var hour = minute / 60;
        if (hour != HourWindow)
        {
            HourWindow = hour;
            CallsThisHour = 0;
        }
        LastSeen = now;
    }
}
