using VoiceFunctions.Shared.Telephony.Deployment.Model;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Validation;

/// <summary>Trunks open to the internet, trunks without credentials, and credential variables that are not set.</summary>
internal static class SecurityChecks
{
    private static readonly string[] Anywhere = ["0.0.0.0/0", "::/0"];

    public static void Run(ValidationContext context)
    {
        foreach (var trunk in context.File.InboundTrunks)
        {
            CheckOpenInbound(context, trunk);
        }
        foreach (var trunk in context.File.OutboundTrunks)
        {
            if (trunk.Auth is null)
            {
                context.Warning(DiagnosticCodes.OutboundWithoutCredentials, trunk.Name?.Position ?? trunk.Position,
                    $"outbound trunk '{ValidationContext.NameOf(trunk.Name)}' has no auth",
                    "When the far end answers 401 or 407 the bridge fails the call with \"missing credentials\". "
                    + "Add auth: {username: ${...}, password: ${...}} unless the far end admits this bridge by address.");
            }
        }
        CheckSecretVariables(context);
    }

    private static void CheckOpenInbound(ValidationContext context, InboundTrunk trunk)
    {
        if (trunk.Auth is not null)
        {
            return;
        }
        var everywhere = trunk.AllowedAddresses.FirstOrDefault(a => Anywhere.Contains(a.Value.Trim()));
        if (trunk.AllowedAddresses.Count > 0 && everywhere is null)
        {
            return;
        }
        var name = ValidationContext.NameOf(trunk.Name);
        var where = everywhere?.Position ?? trunk.Name?.Position ?? trunk.Position;
        context.Warning(DiagnosticCodes.OpenTrunkWithoutAuth, where,
            everywhere is null
                ? $"inbound trunk '{name}' accepts INVITEs from any address and has no auth"
                : $"inbound trunk '{name}' allows {everywhere.Value.Trim()} and has no auth",
            "Toll-fraud risk: anyone on the internet who finds the bridge can place calls into your agent rooms, "
            + "and through transfers to paid destinations, at your cost. List the provider's addresses in "
            + "allowed_addresses, or add digest auth the provider sends.");
    }

    private static void CheckSecretVariables(ValidationContext context)
    {
        var file = context.File;
        var secrets = new List<(SecretReference? Reference, string What)>
        {
            (file.LiveKit?.ApiKey, "livekit.api_key"),
            (file.LiveKit?.ApiSecret, "livekit.api_secret"),
            (file.SipBridge?.Redis?.Password, "sip_bridge.redis.password"),
        };
        secrets.AddRange(file.InboundTrunks.SelectMany(t => Credentials(t.Auth, "inbound trunk '" + ValidationContext.NameOf(t.Name) + "'")));
        secrets.AddRange(file.OutboundTrunks.SelectMany(t => Credentials(t.Auth, "outbound trunk '" + ValidationContext.NameOf(t.Name) + "'")));

        var unset = secrets.Where(s => s.Reference is not null && s.Reference.Resolve(context.Environment) is null).ToArray();
        if (unset.Length > 0)
        {
            var names = unset.Select(s => s.Reference!.Variable).Distinct();
            context.Warning(DiagnosticCodes.VariableNotSet, unset[0].Reference!.Position,
                $"credential variables not set in this environment: {string.Join(", ", names)}",
                "validate does not need them, but plan, apply, bridge-config --with-secrets and doctor do.");
        }
    }

    private static IEnumerable<(SecretReference?, string)> Credentials(DigestAuth? auth, string owner) =>
        auth is null ? [] : [(auth.Username, owner + " auth.username"), (auth.Password, owner + " auth.password")];
}
