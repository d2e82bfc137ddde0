namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>
/// The methods the stack meets every call, as shared strings: parsing "INVITE" or "BYE" off the wire then costs no
/// allocation, and comparisons with these constants stay ordinal (methods are case-sensitive, RFC 3261 7.1).
/// </summary>
internal static class SipMethods
{
    public const string Invite = "INVITE";
    public const string Ack = "ACK";
    public const string Bye = "BYE";
    public const string Cancel = "CANCEL";
    public const string Options = "OPTIONS";
    public const string Register = "REGISTER";
    public const string Info = "INFO";
    public const string Refer = "REFER";
    public const string Notify = "NOTIFY";
    public const string Subscribe = "SUBSCRIBE";
    public const string Update = "UPDATE";
    public const string Prack = "PRACK";
    public const string Message = "MESSAGE";
    public const string Publish = "PUBLISH";

    private static readonly string[] Known = [Invite, Ack, Bye, Cancel, Options, Register, Info, Refer, Notify, Subscribe, Update, Prack, Message, Publish];

    /// <summary>The shared string for a known method (exact case), a new string otherwise.</summary>
    public static string Intern(ReadOnlySpan<char> method)
    {
        foreach (var known in Known)
        {
            if (method.SequenceEqual(known))
            {
                return known;
            }
        }
        return method.ToString();
    }

    /// <summary>The same for a method read as ASCII bytes off the wire (the caller has checked it is a token).</summary>
    public static string Intern(ReadOnlySpan<byte> method)
    {
        foreach (var known in Known)
        {
            if (method.Length == known.Length && System.Text.Ascii.Equals(method, known))
            {
                return known;
            }
        }
        return System.Text.Encoding.ASCII.GetString(method);
    }
}
