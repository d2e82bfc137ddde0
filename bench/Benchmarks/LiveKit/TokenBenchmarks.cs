using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using VoiceFunctions.Shared.LiveKit.Auth;

namespace VoiceFunctions.Benchmarks.LiveKit;

/// <summary>Access token mint (participant preset) and verify, one token per operation.</summary>
[MemoryDiagnoser]
public class TokenBenchmarks
{
    private LiveKitCredentials _credentials = null!;
    private TokenVerifier _verifier = null!;
    private string _token = null!;

    [GlobalSetup]
    public void Setup()
    {
        _credentials = new LiveKitCredentials("APIbench", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        _verifier = new TokenVerifier(_credentials, TimeProvider.System);
        _token = TokenPresets.Participant(_credentials, TimeProvider.System, "call-42", "sip_+15550100")
            .WithTtl(TimeSpan.FromHours(1))
            .ToJwt();
    }

    [Benchmark]
    public string MintParticipantToken() =>
        TokenPresets.Participant(_credentials, TimeProvider.System, "call-42", "sip_+15550100").ToJwt();

    [Benchmark]
    public bool VerifyParticipantToken() => _verifier.Verify(_token).IsValid;
}
