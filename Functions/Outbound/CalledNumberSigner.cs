using System.Text;
using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Outbound;

/// <summary>
/// LiveKit mode: the headers that tell the MediaHost our number on the call (<see cref="CalledNumberHeader"/>): the number
/// the caller dialled, or on a call we placed the caller ID we called from. Signed with the AgentEvents key it shares
/// with us, so it chooses that number's agent. The number is the call record's (written before the agent is
/// dispatched); none when the record has no such number.
/// </summary>
public sealed class CalledNumberSigner(CallStore calls, IOptions<AgentEventsOptions> keys, TimeProvider time)
{
    public async Task<IReadOnlyDictionary<string, string>> HeadersAsync(string callId, CancellationToken ct)
    {
        var key = keys.Value;
        var record = key.Secret.Length == 0 ? null : await calls.GetAsync(callId, ct).ConfigureAwait(false);
        // Our number on the call chooses the agent: the number dialled on an inbound call, our caller ID on a call we placed
        // (the agent's leg from LiveKit SIP looks inbound to the MediaHost, so this header is what tells it).
        var ours = record is null ? null : OutboundCallIds.IsOutbound(callId) ? record.CallerNumber : record.CalledNumber;
        if (ours is not { Length: > 0 } called)
        {
            return new Dictionary<string, string>();
        }
        var signature = BodySignature.Sign(CalledNumberHeader.SignedBytes(callId, called), key.KeyId, Encoding.UTF8.GetBytes(key.Secret), time.GetUtcNow());
        return new Dictionary<string, string> { [CalledNumberHeader.Name] = called, [CalledNumberHeader.SignatureName] = signature };
    }
}
