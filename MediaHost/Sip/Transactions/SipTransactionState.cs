namespace VoiceFunctions.MediaHost.Sip.Transactions;

/// <summary>Transaction states of RFC 3261 section 17 (plus Accepted from RFC 6026).</summary>
public enum SipTransactionState
{
    Calling,
    Trying,
    Proceeding,
    Completed,
    Confirmed,
    Accepted,
    Terminated,
}
