using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoiceFunctions.Shared.Observability;
using VoiceFunctions.Shared.Observability.Logging;

namespace VoiceFunctions.Shared.Tests.Observability;

/// <summary>
/// Secrets fed through every path of the logging API — message templates, interpolated messages, structured
/// values, scopes of each kind, exceptions and inner exceptions, source-generated log methods — never reach a
/// provider.
/// </summary>
public sealed partial class LogRedactionTests : IDisposable
{
    // Made at run time: nothing secret is committed, and a leak cannot hide behind a known constant.
    private readonly string _liveKitSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string _sipPassword = "pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
    private readonly string _digestResponse = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
    private readonly string _jwt = SecretRedactorTests.TestJwt();
    private readonly string _phone = "+7916" + RandomNumberGenerator.GetInt32(1000000, 9999999);

    private readonly CapturingLoggerProvider _provider = new();
    private readonly ServiceProvider _services;
    private readonly ILogger _logger;

    public LogRedactionTests()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["LiveKit:ApiKey"] = "APIkey",
                ["LiveKit:ApiSecret"] = _liveKitSecret,
                ["Sip:AuthPassword"] = _sipPassword,
            })
            .Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.AddProvider(_provider).SetMinimumLevel(LogLevel.Trace))
            .AddLogRedaction()
            .BuildServiceProvider();
        _logger = _services.GetRequiredService<ILoggerFactory>().CreateLogger("VoiceFunctions.Test");
    }

    private string[] Secrets => [_liveKitSecret, _sipPassword, _digestResponse, _jwt, _jwt.Split('.')[2], _phone, _phone[1..]];

    [Fact]
    public void Secrets_in_message_template_arguments_are_masked()
    {
        _logger.LogInformation("Config: secret {Secret}, token {Token}, caller {Caller}", _liveKitSecret, _jwt, _phone);
        AssertNoSecretWritten();
    }

    [Fact]
    public void Secrets_in_preformatted_messages_are_masked()
    {
#pragma warning disable CA2254 // the point is a message that was formatted before logging
        _logger.LogWarning($"SIP auth used {_sipPassword} and api secret {_liveKitSecret} for {_phone}");
#pragma warning restore CA2254
        AssertNoSecretWritten();
    }

    [Fact]
    public void Sip_authorization_headers_in_logged_messages_are_masked()
    {
        var invite = $"INVITE sip:agent@mediahost SIP/2.0\r\nFrom: <sip:{_phone}@provider>;tag=1\r\n"
                     + $"Authorization: Digest username=\"livekit\", realm=\"mediahost\", nonce=\"n1\", uri=\"sip:agent@mediahost\", response=\"{_digestResponse}\"\r\n"
                     + $"Proxy-Authorization: Digest username=\"livekit\", response=\"{_digestResponse}\"\r\nContent-Length: 0\r\n\r\n";
        _logger.LogDebug("Received {Message}", invite);
        AssertNoSecretWritten();
        Assert.Contains("INVITE sip:agent@mediahost", _provider.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_in_every_kind_of_scope_are_masked()
    {
        using (_logger.BeginScope(new Dictionary<string, object?> { ["Token"] = _jwt, ["CallId"] = "call-7" }))
        using (_logger.BeginScope("password={Password} for {Caller}", _sipPassword, _phone))
        using (_logger.BeginScope($"raw scope text with {_liveKitSecret}"))
        using (_logger.BeginScope(new ObjectWithSecret(_sipPassword)))
        using (_logger.BeginCallScope("call-7", "call-room-7"))
        {
            _logger.LogInformation("inside the scopes");
        }
        AssertNoSecretWritten();
        Assert.Contains("call-7", _provider.AllText, StringComparison.Ordinal);
        Assert.Contains("call-room-7", _provider.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_in_exceptions_and_inner_exceptions_are_masked()
    {
        var exception = CaughtException(_liveKitSecret, _jwt, _phone);
        _logger.LogError(exception, "LiveKit call failed");
        AssertNoSecretWritten();
        Assert.Contains("LiveKit call failed", _provider.AllText, StringComparison.Ordinal);
        Assert.Contains(typeof(InvalidOperationException).FullName!, _provider.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Exceptions_without_secrets_reach_providers_unchanged()
    {
        var provider = new CapturingLoggerProvider();
        using var services = new ServiceCollection().AddLogging(l => l.AddProvider(provider)).AddLogRedaction().BuildServiceProvider();
        var exception = new TimeoutException("LiveKit did not answer in 5 s");
        services.GetRequiredService<ILoggerFactory>().CreateLogger("x").LogError(exception, "failed");
        Assert.Contains("exception: " + exception, provider.Written);
    }

    [Fact]
    public void Secrets_in_source_generated_log_methods_are_masked()
    {
        LogTokenIssued(_logger, "call-9", _jwt, _phone);
        AssertNoSecretWritten();
        Assert.Contains("call-9", _provider.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_inside_structured_objects_are_masked()
    {
        _logger.LogInformation("Calling {Url} as {Who}", new Uri($"https://livekit.example/twirp?access_token={_jwt}"), new ObjectWithSecret(_sipPassword));
        AssertNoSecretWritten();
    }

    [Fact]
    public void Numbers_and_template_keep_their_types_for_structured_sinks()
    {
        _logger.LogInformation("Turn took {VoiceToVoiceMs} ms", 812.5);
        Assert.Contains($"state {TelemetryFields.VoiceToVoiceMs}: 812.5", _provider.Written);
        Assert.Contains("state {OriginalFormat}: Turn took {VoiceToVoiceMs} ms", _provider.Written);
    }

    [Fact]
    public void Phone_numbers_are_logged_only_after_an_explicit_opt_in()
    {
        var provider = new CapturingLoggerProvider();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:Redaction:IncludePhoneNumbers"] = "true" })
            .Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(l => l.AddProvider(provider))
            .AddLogRedaction()
            .BuildServiceProvider();
        services.GetRequiredService<ILoggerFactory>().CreateLogger("x").LogInformation("caller {Caller}", _phone);
        Assert.Contains(_phone, provider.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Registering_redaction_twice_masks_once_and_keeps_one_factory()
    {
        var services = new ServiceCollection().AddLogging().AddLogRedaction().AddLogRedaction();
        Assert.Single(services, d => d.ServiceType == typeof(ILoggerFactory));
    }

    private void AssertNoSecretWritten()
    {
        var text = _provider.AllText;
        Assert.NotEmpty(_provider.Written);
        foreach (var secret in Secrets)
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"a secret reached the provider:\n{text}");
        }
    }

    private static InvalidOperationException CaughtException(string secret, string jwt, string phone)
    {
        try
        {
            try
            {
                throw new HttpRequestException($"401 from LiveKit with Authorization: Bearer {jwt}");
            }
            catch (HttpRequestException inner)
            {
                throw new InvalidOperationException($"CreateSIPParticipant for {phone} failed; secret={secret}", inner);
            }
        }
        catch (InvalidOperationException caught)
        {
            return caught;
        }
    }

    private sealed class ObjectWithSecret(string password)
    {
        public override string ToString() => $"SipAccount(user=livekit, password={password})";
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Issued token {Token} for call {CallId} from {Caller}")]
    private static partial void LogTokenIssued(ILogger logger, string callId, string token, string caller);

    public void Dispose() => _services.Dispose();
}
