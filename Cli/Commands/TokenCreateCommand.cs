using System.CommandLine;
using VoiceFunctions.Cli.Output;
using VoiceFunctions.Cli.Output.Results;
using VoiceFunctions.Cli.Tokens;
using VoiceFunctions.Shared.LiveKit.Auth;

namespace VoiceFunctions.Cli.Commands;

/// <summary>`voicectl token create`: a token with grants, attributes, metadata, kind, room configuration and agent dispatch.</summary>
public static class TokenCreateCommand
{
    public static Command Create(CliContext context)
    {
        var identity = new Option<string>("--identity") { HelpName = "IDENTITY", Description = "Participant identity (the token's sub).", Required = true };
        var room = new Option<string?>("--room") { HelpName = "ROOM", Description = "The room the token is for." };
        var grants = new Option<string[]>("--grant")
        {
            HelpName = "GRANT",
            Description = "A grant (repeatable): " + string.Join(", ", TokenGrants.Names) + ". Without any: roomJoin, canPublish, canSubscribe, canPublishData.",
            AllowMultipleArgumentsPerToken = true,
        };
        var ttl = new Option<string>("--ttl") { HelpName = "DURATION", Description = "Lifetime: 90s, 10m, 2h, 1d (at most 7d).", DefaultValueFactory = _ => "10m" };
        var name = new Option<string?>("--name") { HelpName = "NAME", Description = "Display name." };
        var metadata = new Option<string?>("--metadata") { HelpName = "TEXT", Description = "Participant metadata (an opaque string, often JSON)." };
        var attributes = new Option<string[]>("--attribute")
        {
            HelpName = "KEY=VALUE",
            Description = "A participant attribute KEY=VALUE (repeatable).",
            AllowMultipleArgumentsPerToken = true,
        };
        var kind = new Option<string?>("--kind") { HelpName = "KIND", Description = "Participant kind: " + string.Join(", ", TokenClaimsOptions.Kinds) + "." };
        kind.AcceptOnlyFromAmong([.. TokenClaimsOptions.Kinds]);
        var roomConfig = new Option<string?>("--room-config")
        {
            HelpName = "JSON|@FILE",
            Description = "Room configuration applied when the holder creates the room: LiveKit's RoomConfiguration JSON, inline or @FILE.",
        };
        var agents = new Option<string[]>("--agent")
        {
            HelpName = "NAME[:METADATA]",
            Description = "Dispatch this agent into the room when it is created: NAME or NAME:METADATA (repeatable).",
            AllowMultipleArgumentsPerToken = true,
        };
        var file = TargetOptions.CreateFile();
        var command = new Command("create", "Mint an access token signed with the API key and secret (from --file or LIVEKIT_API_KEY/LIVEKIT_API_SECRET).")
        {
            identity, room, grants, ttl, name, metadata, attributes, kind, roomConfig, agents, file,
        };
        var output = OutputOptions.AddTo(command, "token-create");
        command.SetAction(parse =>
        {
            if (!DurationText.TryParse(parse.GetValue(ttl)!, out var lifetime) || lifetime > TimeSpan.FromDays(7))
            {
                return context.UsageError($"--ttl '{parse.GetValue(ttl)}' is not a lifetime like 90s, 10m, 2h or 1d (at most 7d)");
            }
            var listed = parse.GetValue(grants) is { Length: > 0 } given ? given : TokenGrants.Default.ToArray();
            if (!TokenGrants.TryBuild(listed, parse.GetValue(room), out var video, out var sip, out var problem)
                || !TokenClaimsOptions.TryParseAttributes(parse.GetValue(attributes) ?? [], out var attributeMap, out problem)
                || !TokenClaimsOptions.TryBuildRoomConfiguration(parse.GetValue(roomConfig), parse.GetValue(agents) ?? [], out var configuration, out problem))
            {
                return context.UsageError(problem!);
            }
            var credentials = TokenCommand.Credentials(context, parse.GetValue(file), out var exitCode);
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
            if (parse.GetValue(metadata) is { } text)
            {
                builder.WithMetadata(text);
            }
            if (attributeMap.Count > 0)
            {
                builder.WithAttributes(attributeMap);
            }
            if (parse.GetValue(kind) is { } participantKind)
            {
                builder.WithKind(participantKind);
            }
            if (configuration is not null)
            {
                builder.WithRoomConfiguration(configuration);
            }
            var jwt = builder.ToJwt();
            if (output.IsJson(parse))
            {
                JsonOutput.Write(context.Terminal, new TokenCreateResult(jwt, parse.GetValue(identity)!, parse.GetValue(room),
                    context.Time.GetUtcNow().Add(lifetime).ToUniversalTime()));
            }
            else
            {
                context.Terminal.Out.WriteLine(jwt);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
