namespace VoiceFunctions.Shared.LiveKit.Webhooks.Models;

/// <summary>
/// Named access to the attributes the SIP bridge puts on a SIP participant. Note that
/// <see cref="CallId"/> is LiveKit's own id (<c>SCL_…</c>); the SIP Call-ID header is <see cref="CallIdFull"/>.
/// </summary>
public readonly struct SipParticipantAttributes(IReadOnlyDictionary<string, string> attributes)
{
    public const string CallIdKey = "sip.callID";
    public const string CallIdFullKey = "sip.callIDFull";
    public const string CallTagKey = "sip.callTag";
    public const string PhoneNumberKey = "sip.phoneNumber";
    public const string TrunkPhoneNumberKey = "sip.trunkPhoneNumber";
    public const string TrunkIdKey = "sip.trunkID";
    public const string RuleIdKey = "sip.ruleID";
    public const string CallStatusKey = "sip.callStatus";
    public const string HostnameKey = "sip.hostname";

    public string? CallId => Get(CallIdKey);
    public string? CallIdFull => Get(CallIdFullKey);
    public string? CallTag => Get(CallTagKey);
    /// <summary>The caller's number (inbound) or the number dialled (outbound); absent when the rule hides numbers.</summary>
    public string? PhoneNumber => Get(PhoneNumberKey);
    /// <summary>Our trunk's number: the number called (inbound) or the From number (outbound).</summary>
    public string? TrunkPhoneNumber => Get(TrunkPhoneNumberKey);
    public string? TrunkId => Get(TrunkIdKey);
    public string? RuleId => Get(RuleIdKey);
    /// <summary><c>dialing</c>, <c>ringing</c>, <c>active</c>, <c>hangup</c> or <c>automation</c>.</summary>
    public string? CallStatus => Get(CallStatusKey);
    public string? Hostname => Get(HostnameKey);

    private string? Get(string key) => attributes is not null && attributes.TryGetValue(key, out var value) ? value : null;
}
