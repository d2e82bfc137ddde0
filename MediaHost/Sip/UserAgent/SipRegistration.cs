using System.Globalization;
using VoiceFunctions.MediaHost.Sip.Auth;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Transactions;
using VoiceFunctions.MediaHost.Sip.Transport;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// Keeps our contact registered: REGISTER, answer a 401/407 digest challenge once per attempt, refresh before
/// the granted expiry, and start over after a failure (timeout, refusal, no answer) after a pause that grows with
/// consecutive failures (<see cref="SipRetryBackoff"/>) and respects the registrar's Retry-After.
/// </summary>
public sealed class SipRegistration : IDisposable
{
    private readonly SipEndpoint _endpoint;
    private readonly SipRegistrationOptions _options;
    private readonly SipFlow _flow;
    private readonly string _callId;
    private readonly string _tag = SipIds.Tag();
    private readonly SipRetryBackoff _backoff;
    private int _cseq;
    private ITimer? _next;
    private bool _disposed;

    public SipRegistration(SipUserAgent ua, ISipTransport transport, SipRegistrationOptions options)
    {
        _endpoint = ua.Endpoint;
        _options = options;
        _flow = new SipFlow(transport, options.Registrar);
        _callId = SipIds.CallId(ua.Endpoint.AdvertisedAddress(transport.LocalEndpoint.Address).ToString());
        _backoff = new SipRetryBackoff(options.RetryAfterFailure ?? TimeSpan.FromSeconds(30), options.MaxRetryAfterFailure ?? TimeSpan.FromMinutes(10));
    }

    /// <summary>True while the registrar holds a binding we have not let expire.</summary>
    public bool IsRegistered { get; private set; }

    /// <summary>The lifetime the registrar granted last time.</summary>
    public TimeSpan? GrantedExpiry { get; private set; }

    /// <summary>How many successful registrations (initial plus refreshes) happened.</summary>
    public int Successes { get; private set; }

    /// <summary>The last failure's status and reason, or null once registered again.</summary>
    public string? LastFailure { get; private set; }

    /// <summary>Failures since the last success (what the retry pause grows with).</summary>
    public int ConsecutiveFailures { get; private set; }

    /// <summary>Every failure so far (refusals and unanswered attempts).</summary>
    public int Failures { get; private set; }

    /// <summary>The pause before the retry scheduled after the last failure.</summary>
    public TimeSpan? LastRetryDelay { get; private set; }

    private TimeSpan Expires => _options.Expires ?? TimeSpan.FromSeconds(300);

    public void Start()
    {
        using (_endpoint.Enter())
        {
            Send(authenticated: null);
        }
    }

    private void Send(SipMessage? authenticated)
    {
        if (_disposed)
        {
            return;
        }
        var request = authenticated ?? Build();
        _endpoint.SendRequest(request, _flow, response => OnResponse(request, response));
    }

    private SipMessage Build()
    {
        var aor = $"<sip:{_options.Credentials.Username}@{_options.Domain}>";
        var request = SipMessage.Request("REGISTER", "sip:" + _options.Domain);
        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        request.Headers.Add(SipHeaderNames.From, aor + ";tag=" + _tag);
        request.Headers.Add(SipHeaderNames.To, aor);
        request.Headers.Add(SipHeaderNames.CallId, _callId);
        request.Headers.Add(SipHeaderNames.CSeq, $"{++_cseq} REGISTER");
        request.Headers.Add(SipHeaderNames.Contact, _endpoint.Contact(_flow.Transport));
        request.Headers.Add(SipHeaderNames.Expires, ((int)Expires.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        return request;
    }

    private void OnResponse(SipMessage request, SipMessage response)
    {
        var status = response.StatusCode;
        if (status < 200 || _disposed)
        {
            return;
        }
        if (status is 401 or 407 && request.Headers.Get(status == 401 ? SipHeaderNames.Authorization : SipHeaderNames.ProxyAuthorization) is null)
        {
            var retry = Build();
            if (DigestClient.TryAuthorize(retry, response, _options.Credentials, out var error))
            {
                Send(retry);
                return;
            }
            Fail($"{status}: {error}");
            return;
        }
        if (status is >= 200 and < 300)
        {
            var granted = GrantedLifetime(response);
            IsRegistered = true;
            GrantedExpiry = granted;
            LastFailure = null;
            ConsecutiveFailures = 0;
            Successes++;
            // Refresh well before expiry: halfway for short lifetimes, 30 s early for long ones.
            var refresh = granted > TimeSpan.FromSeconds(60) ? granted - TimeSpan.FromSeconds(30) : granted / 2;
            Schedule(refresh);
            return;
        }
        Fail($"{status} {response.ReasonPhrase}", RetryAfter(response));
    }

    /// <summary>Retry-After in seconds ("120" or "120 (comment);duration=..."), or null.</summary>
    private static TimeSpan? RetryAfter(SipMessage response)
    {
        var value = response.Headers.Get(SipHeaderNames.RetryAfter);
        if (value is null)
        {
            return null;
        }
        var digits = value.AsSpan().Trim();
        var end = digits.IndexOfAnyExceptInRange('0', '9');
        digits = end < 0 ? digits : digits[..end];
        return digits.Length is > 0 and <= 9 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }

    private TimeSpan GrantedLifetime(SipMessage response)
    {
        var ours = _endpoint.Contact(_flow.Transport);
        foreach (var contact in response.Headers.GetAll(SipHeaderNames.Contact))
        {
            if (SipNameAddress.TryParse(contact, out var address) && ours.Contains(address.UriText, StringComparison.OrdinalIgnoreCase)
                && int.TryParse(address.Parameters.Get("expires"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(Math.Max(1, seconds));
            }
        }
        return int.TryParse(response.Headers.Get(SipHeaderNames.Expires), NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            ? TimeSpan.FromSeconds(Math.Max(1, expires))
            : Expires;
    }

    private void Fail(string reason, TimeSpan? retryAfter = null)
    {
        IsRegistered = false;
        LastFailure = reason;
        Failures++;
        ConsecutiveFailures++;
        LastRetryDelay = _backoff.Delay(ConsecutiveFailures, retryAfter);
        Schedule(LastRetryDelay.Value);
    }

    private void Schedule(TimeSpan delay)
    {
        _next?.Dispose();
        _next = _endpoint.Clock.Once(delay, () => Send(authenticated: null));
    }

    public void Dispose()
    {
        using (_endpoint.Enter())
        {
            _disposed = true;
            _next?.Dispose();
        }
    }
}
