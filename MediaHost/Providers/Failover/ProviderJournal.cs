using Polly.CircuitBreaker;

namespace VoiceFunctions.MediaHost.Providers.Failover;

/// <summary>
/// What the failover chains did for one call: which provider served each stage and which failed, and why. The chains
/// are shared by every call, so the call's session opens a journal with <see cref="Open"/> (an ambient value that
/// flows into the tasks the session starts) and each turn's record takes the entries written since the previous one
/// with <see cref="TakeEntries"/>. Without an open journal the chains write nothing.
/// </summary>
public sealed class ProviderJournal
{
    private static readonly AsyncLocal<ProviderJournal?> Ambient = new();
    private readonly List<ProviderUse> _entries = [];

    /// <summary>The journal of the calling flow, if its session opened one.</summary>
    public static ProviderJournal? Current => Ambient.Value;

    /// <summary>Opens a journal for the calling flow and every task it starts from now on.</summary>
    public static ProviderJournal Open()
    {
        var journal = new ProviderJournal();
        Ambient.Value = journal;
        return journal;
    }

    /// <summary>The entries written since the last call, oldest first.</summary>
    public IReadOnlyList<ProviderUse> TakeEntries()
    {
        lock (_entries)
        {
            ProviderUse[] taken = [.. _entries];
            _entries.Clear();
            return taken;
        }
    }

    internal static void Served(string stage, string provider) => Ambient.Value?.Add(new ProviderUse(stage, provider));

    internal static void Failed(string stage, string provider, Exception failure) => Ambient.Value?.Add(new ProviderUse(stage, provider, Describe(failure)));

    /// <summary>The failure as the turn record shows it: its type and message (provider messages never carry keys).</summary>
    public static string Describe(Exception failure) => failure switch
    {
        BrokenCircuitException => "circuit open: the provider failed too often lately",
        ProviderException { StatusCode: { } status } e => $"{e.GetType().Name} {status}: {e.Message}",
        _ => $"{failure.GetType().Name}: {failure.Message}",
    };

    private void Add(ProviderUse use)
    {
        lock (_entries)
        {
            _entries.Add(use);
        }
    }
}
