using System.Security.Cryptography;
using System.Text;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Shared.Outbound;

/// <summary>
/// Ids of outbound calls. The call id is "call-out-" + the idempotency key (or a new random id), so it is also the
/// LiveKit room name (the webhooks then find the call like any other) and says the call's direction by its prefix.
/// Dialling runs in its own orchestration, "dial-" + the call id, apart from the call's own orchestration.
/// </summary>
public static class OutboundCallIds
{
    public const string Prefix = "call-out-";

    public static string ForKey(string idempotencyKey) =>
        // Keys are validated to letters, digits, '-', '_', '.', so a key is kept readable; the hash keeps two keys that
        // differ only in case apart (table keys compare ordinally, room names too, but one never knows a storage's rules).
        CallIds.FromRoomName(Prefix + idempotencyKey + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..8]);

    public static string New() => Prefix + Guid.NewGuid().ToString("N")[..20];

    public static bool IsOutbound(string callId) => callId.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The direction a call's id says: outbound for the calls we placed (campaign attempts too), inbound for any other.</summary>
    public static CallDirection DirectionOf(string callId) => IsOutbound(callId) ? CallDirection.Outbound : CallDirection.Inbound;

    public static string DialInstanceId(string callId) => "dial-" + callId;
}
