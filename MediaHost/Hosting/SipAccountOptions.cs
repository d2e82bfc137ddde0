namespace VoiceFunctions.MediaHost.Hosting;

/// <summary>A digest account: realm (inbound) or domain (registration), user, and the NAME of the env variable holding the password.</summary>
public class SipAccountOptions
{
    /// <summary>Realm we challenge with (inbound). Default "voicefunctions".</summary>
    public string Realm { get; set; } = "voicefunctions";

    public string Username { get; set; } = "";

    /// <summary>Environment variable that holds the password (never the password itself).</summary>
    public string PasswordEnvironmentVariable { get; set; } = "";
}
