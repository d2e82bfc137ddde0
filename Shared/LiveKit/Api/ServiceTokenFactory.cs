using VoiceFunctions.Shared.LiveKit.Auth;

namespace VoiceFunctions.Shared.LiveKit.Api;

/// <summary>Mints the short-lived bearer token of one API request: no identity, only the method's grant.</summary>
public sealed class ServiceTokenFactory(LiveKitCredentials credentials, TimeProvider timeProvider, TimeSpan ttl)
{
    public string Create(TwirpGrant grant)
    {
        var builder = new AccessTokenBuilder(credentials, timeProvider).WithTtl(ttl);
        if (grant.Video is not null)
        {
            builder.WithVideoGrant(grant.Video);
        }
        if (grant.Sip is not null)
        {
            builder.WithSipGrant(grant.Sip);
        }
        return builder.ToJwt();
    }
}
