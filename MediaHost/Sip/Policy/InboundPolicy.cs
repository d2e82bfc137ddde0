using System.Net;
using Microsoft.Extensions.Logging;
using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Sip.Policy;

/// <summary>
/// The inbound policy: allow-list of source networks, accepted called numbers, per-source rate limits with a
/// temporary ban for floods and repeated authentication failures. Unlisted and banned sources get silence.
/// </summary>
public sealed class InboundPolicy : IInboundPolicy
{
    private readonly InboundPolicyOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<IPNetwork> _networks;
    private readonly HashSet<string> _numbers;
    private readonly Dictionary<IPAddress, SourceActivity> _sources = [];
    private readonly object _sync = new();

    public InboundPolicy(InboundPolicyOptions options, TimeProvider time, ILogger logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _networks = [.. options.AllowedNetworks.Select(ParseNetwork)];
        _numbers = [.. options.AcceptedNumbers.Select(NormalizeNumber)];
    }

    /// <summary>Parses "a.b.c.d/n" (or a bare address as a /32 or /128); throws with the offending text otherwise.</summary>
    public static IPNetwork ParseNetwork(string text)
    {
        if (IPNetwork.TryParse(text.Trim(), out var network))
        {
            return network;
        }
        if (IPAddress.TryParse(text.Trim(), out var address))
        {
            return new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        }
        throw new FormatException($"'{text}' is not a CIDR network (for example 203.0.113.0/24)");
    }

    public InboundDecision Evaluate(IPEndPoint source, SipMessage request)
    {
        var address = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
        if (_networks.Count > 0 && !_networks.Any(n => n.Contains(address)))
        {
            return _options.RejectUnlistedWith403 ? InboundDecision.Reject(403, "Forbidden") : InboundDecision.Drop("source not in the allow-list");
        }
        var now = _time.GetUtcNow();
        lock (_sync)
        {
            var activity = Track(address, now);
            if (activity.BannedUntil > now)
            {
                return InboundDecision.Drop("source banned");
            }
            if (++activity.RequestsThisMinute > _options.MaxRequestsPerMinute)
            {
                Ban(address, activity, now, "request flood");
                return InboundDecision.Drop("source banned");
            }
            if (request.Method == "INVITE" && request.To?.Tag is null)
            {
                if (++activity.CallsThisMinute > _options.MaxCallsPerMinute)
                {
                    return InboundDecision.Reject(503, "Service Unavailable - call rate limit", TimeSpan.FromMinutes(1));
                }
                if (++activity.CallsThisHour > _options.MaxCallsPerHour)
                {
                    return InboundDecision.Reject(503, "Service Unavailable - call rate limit", TimeSpan.FromHours(1));
                }
                if (_numbers.Count > 0 && !_numbers.Contains(NormalizeNumber(CalledNumber(request))))
                {
                    return InboundDecision.Reject(404, "Not Found");
                }
            }
        }
        return InboundDecision.Allow;
    }

    public void AuthenticationFailed(IPEndPoint source)
    {
        var now = _time.GetUtcNow();
        lock (_sync)
        {
            var activity = Track(source.Address, now);
            if (++activity.FailedAuthenticationsThisMinute > _options.MaxFailedAuthenticationsPerMinute)
            {
                Ban(source.Address, activity, now, "repeated authentication failures");
            }
        }
    }

    /// <summary>True while <paramref name="address"/> is banned (for tests and diagnostics).</summary>
    public bool IsBanned(IPAddress address)
    {
        lock (_sync)
        {
            return _sources.TryGetValue(address, out var activity) && activity.BannedUntil > _time.GetUtcNow();
        }
    }

    private SourceActivity Track(IPAddress address, DateTimeOffset now)
    {
        if (!_sources.TryGetValue(address, out var activity))
        {
            if (_sources.Count >= _options.MaxTrackedSources)
            {
                // Forget the least recently seen unbanned source: memory stays bounded under spoofed floods.
                var oldest = _sources.Where(p => p.Value.BannedUntil <= now).MinBy(p => p.Value.LastSeen);
                _sources.Remove(oldest.Key ?? _sources.MinBy(p => p.Value.LastSeen).Key);
            }
            activity = new SourceActivity();
            _sources[address] = activity;
        }
        activity.Roll(now);
        return activity;
    }

    private void Ban(IPAddress address, SourceActivity activity, DateTimeOffset now, string reason)
    {
        activity.BannedUntil = now + _options.BanDuration;
        InboundPolicyLog.Banned(_logger, address, reason, _options.BanDuration);
    }

    private static string CalledNumber(SipMessage request) =>
        SipUri.TryParse(request.RequestUri, out var uri) && uri.User is { } user ? user : request.To?.Uri?.User ?? "";

    private static string NormalizeNumber(string number) => new([.. number.Where(c => char.IsAsciiDigit(c) || c == '+')]);
}
