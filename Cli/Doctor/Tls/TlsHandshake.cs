using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace VoiceFunctions.Cli.Doctor.Tls;

/// <summary>What a TLS handshake showed: the protocol, the server's certificate, and what the checks of its name and chain found.</summary>
public sealed record TlsHandshake(
    SslProtocols Protocol,
    X509Certificate2? Certificate,
    SslPolicyErrors PolicyErrors,
    IReadOnlyList<string> ChainProblems,
    string? Error);
