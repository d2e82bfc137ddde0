using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.TestSupport.LoopbackLiveKit;

/// <summary>Set helpers for LiveKit's list fields, where an empty list means "any".</summary>
internal static class LoopbackListMath
{
    /// <summary>Two filters collide when both are "any", or they share a value; "any" beside a specific list does not (the specific one wins).</summary>
    public static bool Collide(IReadOnlyCollection<string> a, IReadOnlyCollection<string> b) =>
        (a.Count == 0 && b.Count == 0) || a.Intersect(b, StringComparer.Ordinal).Any();

    /// <summary>Applies a ListUpdate: clear, or set, then add and remove.</summary>
    public static List<string> Apply(List<string> current, ListUpdate? update)
    {
        if (update is null)
        {
            return current;
        }
        var result = update.Clear ? [] : update.Set.Count > 0 ? new List<string>(update.Set) : new List<string>(current);
        foreach (var value in update.Add.Where(v => !result.Contains(v)))
        {
            result.Add(value);
        }
        result.RemoveAll(update.Remove.Contains);
        return result;
    }

    /// <summary>Items after <paramref name="page"/>'s afterId (by id order), at most its limit.</summary>
    public static List<T> Page<T>(IEnumerable<T> items, Func<T, string> id, Pagination? page)
    {
        var ordered = items.OrderBy(id, StringComparer.Ordinal).AsEnumerable();
        if (page is { AfterId.Length: > 0 })
        {
            ordered = ordered.Where(i => string.CompareOrdinal(id(i), page.AfterId) > 0);
        }
        if (page is { Limit: > 0 })
        {
            ordered = ordered.Take(page.Limit);
        }
        return ordered.ToList();
    }
}
