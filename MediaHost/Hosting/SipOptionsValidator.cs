using System.Net;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Sip.Policy;

namespace VoiceFunctions.MediaHost.Hosting;

/// <summary>The checks data annotations cannot express; every problem is listed with the setting that has it.</summary>
public sealed class SipOptionsValidator(Func<string, string?> environment) : IValidateOptions<SipOptions>
{
    public SipOptionsValidator() : this(Environment.GetEnvironmentVariable)
    {
    }

    public ValidateOptionsResult Validate(string? name, SipOptions options)
    {
        var problems = new List<string>();
        if (!IPAddress.TryParse(options.BindAddress, out _))
        {
            problems.Add($"Sip:BindAddress '{options.BindAddress}' is not an IP address");
        }
        if (!IPAddress.TryParse(options.MediaBindAddress, out _))
        {
            problems.Add($"Sip:MediaBindAddress '{options.MediaBindAddress}' is not an IP address");
        }
        if (options.ExternalAddress is { Length: > 0 } external && !AdvertisedAddressResolver.IsAddressOrHostName(external))
        {
            problems.Add($"Sip:ExternalAddress '{external}' is neither an IP address nor a host name");
        }
        if (options.TlsPort >= 0 && string.IsNullOrWhiteSpace(options.TlsCertificatePath))
        {
            problems.Add("Sip:TlsPort is set but Sip:TlsCertificatePath (a .pfx with the private key) is not");
        }
        if (options.TlsPort >= 0 && options.TlsCertificatePath is { Length: > 0 } pfx && !File.Exists(pfx))
        {
            problems.Add($"Sip:TlsCertificatePath '{pfx}' does not exist");
        }
        if (options.MediaEncryption != Sip.Sdp.MediaEncryption.Off && options.TlsPort < 0)
        {
            problems.Add($"Sip:MediaEncryption {options.MediaEncryption} needs Sip:TlsPort: SDES keys in SDP must not cross the network in clear");
        }
        for (var i = 0; i < options.AllowedNetworks.Count; i++)
        {
            try
            {
                InboundPolicy.ParseNetwork(options.AllowedNetworks[i]);
            }
            catch (FormatException ex)
            {
                problems.Add($"Sip:AllowedNetworks:{i}: {ex.Message}");
            }
        }
        if (options.MaxCpuPercent is < 0 or > 100 || double.IsNaN(options.MaxCpuPercent))
        {
            problems.Add($"Sip:MaxCpuPercent {options.MaxCpuPercent} is outside 0..100 (0 turns the CPU check off)");
        }
        if (options.CpuWindowSeconds is < 1 or > 300)
        {
            problems.Add($"Sip:CpuWindowSeconds {options.CpuWindowSeconds} is outside 1..300");
        }
        if (options.InboundAuthentication is { } inbound)
        {
            CheckAccount("Sip:InboundAuthentication", inbound, problems);
        }
        if (options.Registration is { } registration)
        {
            CheckAccount("Sip:Registration", registration, problems);
            if (!IPEndPoint.TryParse(registration.Registrar, out var registrar) || registrar.Port == 0)
            {
                problems.Add($"Sip:Registration:Registrar '{registration.Registrar}' is not an 'ip:port' address");
            }
            if (string.IsNullOrWhiteSpace(registration.Domain))
            {
                problems.Add("Sip:Registration:Domain is required");
            }
            if (registration.ExpiresSeconds is < 30 or > 86_400)
            {
                problems.Add($"Sip:Registration:ExpiresSeconds {registration.ExpiresSeconds} is outside 30..86400");
            }
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private void CheckAccount(string path, SipAccountOptions account, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(account.Username))
        {
            problems.Add($"{path}:Username is required");
        }
        if (string.IsNullOrWhiteSpace(account.PasswordEnvironmentVariable))
        {
            problems.Add($"{path}:PasswordEnvironmentVariable is required (the name of the variable holding the password)");
        }
        else if (string.IsNullOrEmpty(environment(account.PasswordEnvironmentVariable)))
        {
            problems.Add($"{path}:PasswordEnvironmentVariable names '{account.PasswordEnvironmentVariable}', which is not set");
        }
    }
}
