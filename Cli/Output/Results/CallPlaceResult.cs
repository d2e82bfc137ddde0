using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Cli.Output.Results;

/// <summary>
/// `calls place --json` (schema/voicectl/calls-place.schema.json): the call placed, whether this command created it
/// (false: an earlier command with the same idempotency key did), and with --wait how dialling ended.
/// </summary>
public sealed record CallPlaceResult(string CallId, bool Created, DialResult? Dial);
