using System.Globalization;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace VoiceFunctions.Shared.Calls;

/// <summary>
/// The keys of the call table, chosen for its three access patterns:
/// <list type="bullet">
/// <item>get a call by id, with its turns: one partition per call (<c>c|{callId}</c>) holding the
/// record (<c>record</c>) and its turns (<c>turn|000001</c>…), so one partition query returns all;</item>
/// <item>list a day's calls newest first: day-index entities in <c>d|{yyyyMMdd}|{bucket}</c>, row key
/// <c>{inverted start ticks}|{callId}</c>, so ascending row-key order is newest first;</item>
/// <item>append a turn: an insert into the call's own partition, keyed by the turn number;</item>
/// <item>the call's timeline: entries in the same partition (<c>tl|{entryId}</c>), read with the record.</item>
/// </list>
/// The day is split into buckets by a stable hash of the call id, so no single partition takes
/// every call of a busy day.
/// </summary>
public static class CallTableKeys
{
    public const string RecordRowKey = "record";
    private const string CallPrefix = "c|";
    private const string DayPrefix = "d|";
    private const string TurnPrefix = "turn|";
    private const string TimelinePrefix = "tl|";

    public static string CallPartition(string callId) => CallPrefix + Escape(callId);

    public static string TurnRowKey(int sequence) => TurnPrefix + sequence.ToString("D6", CultureInfo.InvariantCulture);

    public static string TurnRowKeyPrefix => TurnPrefix;

    /// <summary>A timeline entry's row in the call's partition: keyed by its stable id, so a repeated write is a conflict, not a copy.</summary>
    public static string TimelineRowKey(string entryId) => TimelinePrefix + Escape(entryId);

    public static string TimelineRowKeyPrefix => TimelinePrefix;

    public static string DayPartition(DateOnly day, int bucket) =>
        DayPrefix + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "|" + bucket.ToString("D3", CultureInfo.InvariantCulture);

    public static string DayPartition(DateTimeOffset startedAt, string callId, int buckets) =>
        DayPartition(DateOnly.FromDateTime(startedAt.UtcDateTime), Bucket(callId, buckets));

    /// <summary>Newest first: larger start times give smaller keys; the call id makes the key unique.</summary>
    public static string DayRowKey(DateTimeOffset startedAt, string callId) =>
        (DateTimeOffset.MaxValue.UtcTicks - startedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "|" + Escape(callId);

    /// <summary>A bucket that depends only on the id (stable across processes, unlike string.GetHashCode).</summary>
    public static int Bucket(string id, int buckets) =>
        (int)(BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(id))) % (uint)buckets);

    // Table keys may not contain '/', '\', '#', '?' or control characters; call ids come from room
    // names, which we do not fully control, so those characters are percent-encoded.
    internal static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' or '|' || char.IsControl(c))
            {
                sb.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
