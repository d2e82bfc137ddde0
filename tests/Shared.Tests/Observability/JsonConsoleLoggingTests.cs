using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoiceFunctions.Shared.Observability;
using VoiceFunctions.Shared.Observability.Logging;

namespace VoiceFunctions.Shared.Tests.Observability;

[CollectionDefinition(nameof(ConsoleOutputCollection), DisableParallelization = true)]
public sealed class ConsoleOutputCollection;

/// <summary>The real JSON console provider as both hosts configure it: one JSON object per line, the call scope
/// and trace id on every line of a call, levels from configuration, secrets masked.</summary>
[Collection(nameof(ConsoleOutputCollection))]
public sealed class JsonConsoleLoggingTests
{
    [Fact]
    public void Every_line_of_a_call_is_json_with_call_id_room_and_trace_id_and_no_secret()
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var lines = CaptureConsole(
            new Dictionary<string, string?> { ["LiveKit:ApiSecret"] = secret, ["Logging:LogLevel:Default"] = "Information" },
            logger =>
            {
                using var activity = new Activity("call").Start();
                using (logger.BeginCallScope("call-123", "call-room-123"))
                {
                    logger.LogInformation("Webhook {Event} verified with {Secret}", "participant_joined", secret);
                    logger.LogWarning("Dispatch retry {Attempt}", 2);
                }
                return activity.TraceId.ToHexString();
            },
            out var traceId);

        Assert.Equal(2, lines.Count);
        foreach (var line in lines)
        {
            Assert.DoesNotContain(secret, line, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(line);
            var scopes = json.RootElement.GetProperty("Scopes").EnumerateArray().ToArray();
            Assert.Contains(scopes, s => s.TryGetProperty(TelemetryFields.CallId, out var id) && id.GetString() == "call-123");
            Assert.Contains(scopes, s => s.TryGetProperty(TelemetryFields.Room, out var room) && room.GetString() == "call-room-123");
            Assert.Contains(scopes, s => s.TryGetProperty(TelemetryFields.TraceId, out var trace) && trace.GetString() == traceId);
            Assert.EndsWith("Z", json.RootElement.GetProperty("Timestamp").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Levels_come_from_configuration()
    {
        var lines = CaptureConsole(
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" },
            logger =>
            {
                logger.LogInformation("not written");
                logger.LogWarning("written");
                return "";
            },
            out _);

        var line = Assert.Single(lines);
        Assert.Equal("written", JsonDocument.Parse(line).RootElement.GetProperty("Message").GetString());
    }

    private static List<string> CaptureConsole(Dictionary<string, string?> settings, Func<ILogger, string> act, out string result)
    {
        var original = Console.Out;
        var writer = new StringWriter();
        Console.SetOut(writer);
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            using (var services = new ServiceCollection()
                       .AddSingleton<IConfiguration>(configuration)
                       .AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddVoiceFunctionsJsonConsole())
                       .BuildServiceProvider())
            {
                result = act(services.GetRequiredService<ILogger<JsonConsoleLoggingTests>>());
            } // disposing flushes the console provider's queue
        }
        finally
        {
            Console.SetOut(original);
        }
        return writer.ToString()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.Contains(nameof(JsonConsoleLoggingTests), StringComparison.Ordinal))
            .ToList();
    }
}
