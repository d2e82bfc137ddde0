using System.CommandLine;
using System.Text.Json;
using VoiceFunctions.Cli.Tokens;
using VoiceFunctions.Shared.LiveKit.Auth;

namespace VoiceFunctions.Cli.Commands;

/// <summary>`voicectl token create|inspect`: mint a LiveKit access token, or decode and verify one.</summary>
public static class TokenCommand
{
    public static Command Create(CliContext context) =>
        new("token", "Create or inspect LiveKit access tokens.") { CreateCommand(context), InspectCommand(context) };

    private static Command CreateCommand(CliContext context)
    {
        var identity = new Option<string>("--identity") { Description = "Participant identity (the token's sub).", Required = true };
        var room = new Option<string?>("--room") { Description = "The room the token is for." };
        var grants = new Option<string[]>("--grant")
        {
            Description = "A grant (repeatable): " + string.Join(", ", TokenGrants.Names) + ". Default: roomJoin, canPublish, canSubscribe, canPublishData.",
            AllowMultipleArgumentsPerToken = true,
        };
        var ttl = new Option<string>("--ttl") { Description = "Lifetime: 90s, 10m, 2h, 1d (default 10m; at most 7d).", DefaultValueFactory = _ => "10m" };
        var name = new Option<string?>("--name") { Description = "Display name." };
        var file = TargetOptions.CreateFile();
        var command = new Command("create", "Mint an access token signed with the API key and secret (from --file or LIVEKIT_API_KEY/LIVEKIT_API_SECRET).")
        {
            identity, room, grants, ttl, name, file,
        };
        command.SetAction(parse =>
        {
            if (!DurationText.TryParse(parse.GetValue(ttl)!, out var lifetime) || lifetime > TimeSpan.FromDays(7))
            {
                return context.UsageError($"--ttl '{parse.GetValue(ttl)}' is not a lifetime like 90s, 10m, 2h or 1d (at most 7d)");
            }
            var listed = parse.GetValue(grants) is { Length: > 0 } given ? given : TokenGrants.Default.ToArray();
            if (!TokenGrants.TryBuild(listed, parse.GetValue(room), out var video, out var sip, out var problem))
            {
                return context.UsageError(problem!);
            }
            var credentials = Credentials(context, parse.GetValue(file), out var exitCode);
            if (credentials is null)
            {
                return exitCode;
            }
            var builder = new AccessTokenBuilder(credentials, context.Time)
                .WithIdentity(parse.GetValue(identity)!)
                .WithTtl(lifetime)
                .WithVideoGrant(video);
            if (sip is not null)
            {
                builder.WithSipGrant(sip);
            }
            if (parse.GetValue(name) is { } displayName)
            {
                builder.WithName(displayName);
            }
            context.Terminal.Out.WriteLine(builder.ToJwt());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command InspectCommand(CliContext context)
    {
        var token = new Argument<string>("TOKEN") { Description = "The JWT to inspect." };
        var secretEnv = new Option<string?>("--secret-env") { Description = "Name of the variable holding the API secret; the signature is verified when given." };
        var command = new Command("inspect", "Decode a token: identity, room, grants, expiry; verify its signature with --secret-env.") { token, secretEnv };
        command.SetAction(parse =>
        {
            var jwt = parse.GetValue(token)!;
            if (!JwtInspector.TryDecode(jwt, out var header, out var payload, out var problem))
            {
                context.Terminal.Error.WriteLine("voicectl: not a token: " + problem);
                return ExitCodes.Failed;
            }
            var output = context.Terminal.Out;
            output.WriteLine($"algorithm:  {Text(header, "alg")}");
            output.WriteLine($"api key:    {Text(payload, "iss")}");
            output.WriteLine($"identity:   {Text(payload, "sub")}");
            if (payload.TryGetProperty("name", out var displayName))
            {
                output.WriteLine($"name:       {displayName}");
            }
            var now = context.Time.GetUtcNow();
            output.WriteLine($"not before: {Time(payload, "nbf", now)}");
            output.WriteLine($"expires:    {Time(payload, "exp", now)}");
            output.WriteLine("grants:");
            foreach (var group in new[] { "video", "sip" })
            {
                if (payload.TryGetProperty(group, out var grant) && grant.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in grant.EnumerateObject())
                    {
                        output.WriteLine($"  {group}.{property.Name}: {property.Value.GetRawText()}");
                    }
                }
            }

            if (parse.GetValue(secretEnv) is not { } variable)
            {
                output.WriteLine("signature:  not verified (give --secret-env VARIABLE to verify)");
                return ExitCodes.Ok;
            }
            var secret = context.Environment(variable);
            if (string.IsNullOrEmpty(secret))
            {
                return context.UsageError($"{variable} is not set");
            }
            var key = Text(payload, "iss");
            var result = new TokenVerifier(new LiveKitCredentials(key.Length > 0 ? key : "?", secret), context.Time).Verify(jwt);
            output.WriteLine(result.IsValid ? "signature:  valid (HS256 with the secret in " + variable + ")" : $"signature:  INVALID: {result.Error}: {result.Message}");
            return result.IsValid ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static LiveKitCredentials? Credentials(CliContext context, FileInfo? file, out int exitCode)
    {
        exitCode = ExitCodes.Ok;
        if (file is not null)
        {
            var target = TargetOptions.Resolve(context, file, out exitCode);
            return target is null ? null : new LiveKitCredentials(target.ApiKey, target.ApiSecret);
        }
        var key = context.Environment("LIVEKIT_API_KEY");
        var secret = context.Environment("LIVEKIT_API_SECRET");
        if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(secret))
        {
            exitCode = context.UsageError("set LIVEKIT_API_KEY and LIVEKIT_API_SECRET, or give --file voice.yaml");
            return null;
        }
        return new LiveKitCredentials(key, secret);
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static string Time(JsonElement payload, string claim, DateTimeOffset now)
    {
        if (!payload.TryGetProperty(claim, out var value) || !value.TryGetInt64(out var seconds))
        {
            return claim == "exp" ? "none (current LiveKit servers reject tokens without exp)" : "none";
        }
        var at = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var delta = at - now;
        var relative = delta >= TimeSpan.Zero ? $"in {DurationText.Describe(delta)}" : $"{DurationText.Describe(-delta)} ago";
        var expired = claim == "exp" && delta < TimeSpan.Zero ? " (EXPIRED)" : "";
        return $"{at:u} ({relative}){expired}";
    }
}
