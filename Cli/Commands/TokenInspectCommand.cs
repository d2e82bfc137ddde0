using System.CommandLine;
using System.Text.Json;
using VoiceFunctions.Cli.Output;
using VoiceFunctions.Cli.Output.Results;
using VoiceFunctions.Cli.Tokens;
using VoiceFunctions.Shared.LiveKit.Auth;

namespace VoiceFunctions.Cli.Commands;

/// <summary>`voicectl token inspect TOKEN`: decode a token; verify its signature with --secret-env. Exit 1 when it is not a token or does not verify.</summary>
public static class TokenInspectCommand
{
    public static Command Create(CliContext context)
    {
        var token = new Argument<string>("TOKEN") { Description = "The JWT to inspect." };
        var secretEnv = new Option<string?>("--secret-env") { HelpName = "VARIABLE", Description = "Name of the variable holding the API secret; the signature is verified when given." };
        var command = new Command("inspect", "Decode a token: identity, room, grants, expiry; verify its signature with --secret-env.") { token, secretEnv };
        var output = OutputOptions.AddTo(command, "token-inspect");
        command.SetAction(parse =>
        {
            var jwt = parse.GetValue(token)!;
            if (!JwtInspector.TryDecode(jwt, out var header, out var payload, out var problem))
            {
                context.Terminal.Error.WriteLine("voicectl: not a token: " + problem);
                return ExitCodes.Failed;
            }
            TokenVerificationResult? verification = null;
            var variable = parse.GetValue(secretEnv);
            if (variable is not null)
            {
                var secret = context.Environment(variable);
                if (string.IsNullOrEmpty(secret))
                {
                    return context.UsageError($"{variable} is not set");
                }
                var key = Text(payload, "iss");
                verification = new TokenVerifier(new LiveKitCredentials(key.Length > 0 ? key : "?", secret), context.Time).Verify(jwt);
            }
            var inspection = TokenInspection.From(header, payload, context.Time.GetUtcNow(), verification);
            if (output.IsJson(parse))
            {
                JsonOutput.Write(context.Terminal, inspection);
            }
            else
            {
                PrintText(context, inspection, payload, variable);
            }
            return verification is { IsValid: false } ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    private static void PrintText(CliContext context, TokenInspection inspection, JsonElement payload, string? variable)
    {
        var output = context.Terminal.Out;
        var now = context.Time.GetUtcNow();
        output.WriteLine($"algorithm:  {inspection.Algorithm}");
        output.WriteLine($"api key:    {inspection.ApiKey}");
        output.WriteLine($"identity:   {inspection.Identity}");
        if (inspection.Name is { } name)
        {
            output.WriteLine($"name:       {name}");
        }
        if (inspection.Kind is { } kind)
        {
            output.WriteLine($"kind:       {kind}");
        }
        output.WriteLine($"not before: {Time(inspection.NotBefore, now, expiry: false)}");
        output.WriteLine($"expires:    {Time(inspection.ExpiresAt, now, expiry: true)}");
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
        output.WriteLine(inspection.Signature switch
        {
            "valid" => "signature:  valid (HS256 with the secret in " + variable + ")",
            "invalid" => $"signature:  INVALID: {inspection.SignatureError}",
            _ => "signature:  not verified (give --secret-env VARIABLE to verify)",
        });
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static string Time(DateTimeOffset? at, DateTimeOffset now, bool expiry)
    {
        if (at is null)
        {
            return expiry ? "none (current LiveKit servers reject tokens without exp)" : "none";
        }
        var delta = at.Value - now;
        var relative = delta >= TimeSpan.Zero ? $"in {DurationText.Describe(delta)}" : $"{DurationText.Describe(-delta)} ago";
        return $"{at.Value:u} ({relative}){(expiry && delta < TimeSpan.Zero ? " (EXPIRED)" : "")}";
    }
}
