namespace VoiceFunctions.MediaHost.Hosting;

/// <summary>Registration at a provider's registrar.</summary>
public sealed class SipRegistrationSettings : SipAccountOptions
{
    /// <summary>Registrar address as "ip:port".</summary>
    public string Registrar { get; set; } = "";

    /// <summary>The provider's SIP domain (Request-URI sip:Domain).</summary>
    public string Domain { get; set; } = "";

    /// <summary>Requested lifetime in seconds. Default 300.</summary>
    public int ExpiresSeconds { get; set; } = 300;
}
