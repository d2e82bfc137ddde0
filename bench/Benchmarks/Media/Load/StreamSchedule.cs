namespace VoiceFunctions.Benchmarks.Media.Load;

/// <summary>
/// When each call's packets are due, like independent phones: call i sends its k-th packet at
/// start + phase_i + k × period, the phases spread evenly over one period, all on one absolute timeline (no drift:
/// nothing is computed from when the previous packet actually left). Packets are numbered in due order
/// (packet g is call g mod N's packet g div N), so a sender walks them with one cursor.
/// </summary>
internal readonly struct StreamSchedule(long start, long period, int calls)
{
    public int Calls => calls;

    /// <summary>Call <paramref name="call"/>'s offset into every period, in the same units as the period.</summary>
    public long Phase(int call) => call * period / calls;

    public long Due(long packet) => start + IndexInCall(packet) * period + Phase(CallOf(packet));

    public int CallOf(long packet) => (int)(packet % calls);

    /// <summary>Which of its call's packets (k) packet <paramref name="packet"/> is.</summary>
    public long IndexInCall(long packet) => packet / calls;
}
