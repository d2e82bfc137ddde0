namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>What a framing read found in the buffered bytes of a stream transport.</summary>
public enum SipReadStatus
{
    /// <summary>A whole message was read.</summary>
    Done,
    /// <summary>The message is incomplete: read more bytes and try again with the same (grown) buffer.</summary>
    NeedMoreData,
    /// <summary>The bytes are not SIP or break a limit; <see cref="SipReadResult.Error"/> says why.</summary>
    Invalid,
}
