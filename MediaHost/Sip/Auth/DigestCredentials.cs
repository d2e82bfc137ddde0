namespace VoiceFunctions.MediaHost.Sip.Auth;

/// <summary>A SIP account's username and password. ToString never shows the password.</summary>
public sealed record DigestCredentials(string Username, string Password)
{
    public override string ToString() => $"{Username} (password hidden)";
}
