using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Outbound;

/// <summary>Dials a callee and completes when the callee answered or dialling failed.</summary>
public interface IOutboundDialer
{
    Task<DialResult> DialAsync(OutboundCallStart call, CancellationToken ct);
}
