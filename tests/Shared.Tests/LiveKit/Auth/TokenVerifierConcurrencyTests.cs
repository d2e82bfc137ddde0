using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.Shared.LiveKit.Auth;

namespace VoiceFunctions.Shared.Tests.LiveKit.Auth;

public sealed class TokenVerifierConcurrencyTests
{
    [Fact]
    public void One_verifier_shared_by_many_threads_gives_every_token_its_own_verdict()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        var first = new LiveKitCredentials("APIfirst", TestJwt.NewSecret());
        var second = new LiveKitCredentials("APIsecond", TestJwt.NewSecret());
        var verifier = new TokenVerifier(
            new Dictionary<string, string> { [first.ApiKey] = first.ApiSecret, [second.ApiKey] = second.ApiSecret },
            time,
            TimeSpan.Zero);
        var forger = new LiveKitCredentials(first.ApiKey, TestJwt.NewSecret());
        var tokens = Enumerable.Range(0, 400).Select(i => (i % 3) switch
        {
            0 => (Jwt: new AccessTokenBuilder(first, time).WithIdentity($"a{i}").ToJwt(), Valid: true),
            1 => (Jwt: new AccessTokenBuilder(second, time).WithIdentity($"b{i}").ToJwt(), Valid: true),
            _ => (Jwt: new AccessTokenBuilder(forger, time).WithIdentity($"f{i}").ToJwt(), Valid: false),
        }).ToArray();

        var verdicts = new bool[tokens.Length];
        var identities = new string?[tokens.Length];
        Parallel.For(0, tokens.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var result = verifier.Verify(tokens[i].Jwt);
            verdicts[i] = result.IsValid;
            identities[i] = result.Claims?.Identity;
        });

        Assert.Equal(tokens.Select(t => t.Valid), verdicts);
        Assert.All(Enumerable.Range(0, tokens.Length).Where(i => tokens[i].Valid), i => Assert.EndsWith(i.ToString(), identities[i]));
    }
}
