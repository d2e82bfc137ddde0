using System.Text;
using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Outbound;

/// <summary>
/// LiveKit mode: the headers that tell the MediaHost which number the caller dialled (<see cref="CalledNumberHeader"/>),
/// signed with the AgentEvents key it shares with us, so it chooses that number's agent. The number is the call
/// record's (written before the agent is dispatched); none when the record has no called number.
/// </summary>
public sealed class CalledNumberSigner(CallStore calls, IOptions<AgentEventsOptions> keys, TimeProvider time)
{
    public async Task<IReadOnlyDictionary<string, string>> HeadersAsync(string callId, CancellationToken ct)
    {
        var key = keys.Value;
        if (key.Secret.Length == 0 || await calls.GetAsync(callId, ct).ConfigureAwait(false) is not { CalledNumber: { Length: > 0 } called })
        {
            return new Dictionary<string, string>();
        }
        var signature = BodySignature.Sign(CalledNumberHeader.SignedBytes(callId, called), key.KeyId, Encoding.UTF8.GetBytes(key.Secret), time.GetUtcNow());
        return new Dictionary<string, string> { [CalledNumberHeader.Name] = called, [CalledNumberHeader.SignatureName] = signature };
    }
}
