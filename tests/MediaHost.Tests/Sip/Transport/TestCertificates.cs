using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace VoiceFunctions.MediaHost.Tests.Sip.Transport;

/// <summary>Self-signed certificates made in the test (nothing secret is committed): ECDSA P-256 for 127.0.0.1, one day.</summary>
public static class TestCertificates
{
    public static X509Certificate2 Loopback(string name = "voicefunctions-test")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = TimeProvider.System.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        // Through PKCS#12 so the key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>The certificate and its private key as one PEM file (what baresip's sip_certificate reads).</summary>
    public static string WritePem(X509Certificate2 certificate, string path)
    {
        using var key = certificate.GetECDsaPrivateKey()!;
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem() + "\n");
        return path;
    }

    public static string Fingerprint(X509Certificate2 certificate) => Convert.ToHexString(SHA256.HashData(certificate.RawData));
}
