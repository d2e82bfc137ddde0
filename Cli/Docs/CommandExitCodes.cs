namespace VoiceFunctions.Cli.Docs;

/// <summary>
/// Each command's exit codes as documented in docs/voicectl.md (2 is always a usage error: unknown option, missing
/// argument, unreadable file). Kept beside the reference generator so a new command cannot go undocumented:
/// the generator throws for a command missing here.
/// </summary>
public static class CommandExitCodes
{
    public static readonly IReadOnlyDictionary<string, string> ByCommand = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sip validate"] = "0 valid (warnings allowed), 1 invalid",
        ["sip simulate"] = "0 the call is accepted, 1 it is rejected (or the file is invalid, or LiveKit cannot be read with --live)",
        ["sip schema"] = "0 written",
        ["sip bridge-config"] = "0 written, 1 the deployment file is invalid",
        ["sip plan"] = "0 plan shown (changes or not), 1 the file is invalid or LiveKit cannot be read",
        ["sip apply"] = "0 applied (or nothing to do), 1 invalid file, LiveKit unreadable, cancelled, or a change failed",
        ["sip backups"] = "0 listed",
        ["sip rollback"] = "0 restored, 1 LiveKit unreadable, cancelled, or a change failed",
        ["sip export"] = "0 written, 1 LiveKit cannot be read",
        ["doctor"] = "0 no check failed (warnings allowed), 1 at least one FAIL",
        ["token create"] = "0 printed",
        ["token inspect"] = "0 decoded (and the signature verifies, with --secret-env), 1 not a token or the signature does not verify",
        ["calls list"] = "0 listed, 1 the call API refused or cannot be reached",
        ["calls show"] = "0 shown, 1 the call API refused (unknown call: 404) or cannot be reached",
        ["calls tail"] = "0 stopped (--for, --max or Ctrl+C), 1 the call API refused or cannot be reached",
        ["calls place"] = "0 placed (with --wait: the callee answered), 1 the call API refused or cannot be reached (with --wait: not answered)",
        ["campaigns start"] = "0 started, 1 the API refused (each bad row and field named) or cannot be reached",
        ["campaigns list"] = "0 listed, 1 the API refused or cannot be reached",
        ["campaigns show"] = "0 shown, 1 the API refused (unknown campaign: 404) or cannot be reached",
        ["campaigns pause"] = "0 requested, 1 the API refused (the campaign has ended: 409) or cannot be reached",
        ["campaigns resume"] = "0 requested, 1 the API refused (the campaign has ended: 409) or cannot be reached",
        ["campaigns cancel"] = "0 requested, 1 the API refused (the campaign has ended: 409) or cannot be reached",
        ["alerts test"] = "0 delivered (the channel answered 2xx), 1 not delivered, 2 no channel configured",
        ["alerts list"] = "0 every expected rule exists and is enabled, 1 a rule is missing or disabled or ARM refused, 2 no credentials or subscription",
        ["completion"] = "0 printed",
    };
}
