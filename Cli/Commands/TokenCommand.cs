using System.CommandLine;
using VoiceFunctions.Shared.LiveKit.Auth;

namespace VoiceFunctions.Cli.Commands;

/// <summary>`voicectl token create|inspect`: mint a LiveKit access token, or decode and verify one.</summary>
public static class TokenCommand
{
    public static Command Create(CliContext context) =>
        new("token", "Create or inspect LiveKit access tokens.") { TokenCreateCommand.Create(context), TokenInspectCommand.Create(context) };

    /// <summary>The API key and secret from --file's livekit section, or LIVEKIT_API_KEY/LIVEKIT_API_SECRET.</summary>
    public static LiveKitCredentials? Credentials(CliContext context, FileInfo? file, out int exitCode)
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
}
