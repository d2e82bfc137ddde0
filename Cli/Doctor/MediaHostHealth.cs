using System.Text.Json;

namespace VoiceFunctions.Cli.Doctor;

/// <summary>The parts of the MediaHost's /health JSON doctor reports: status (ok, draining, starting), SIP state and calls in progress.</summary>
public sealed record MediaHostHealth(string Status, string? SipState, int? ActiveCalls)
{
    /// <summary>Null when the body is not the MediaHost's health JSON (another service, a proxy's page).</summary>
    public static MediaHostHealth? Read(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.String)
            {
                return null;
            }
            string? sipState = null;
            int? calls = null;
            if (root.TryGetProperty("sip", out var sip) && sip.ValueKind == JsonValueKind.Object)
            {
                sipState = sip.TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.String ? state.GetString() : null;
                calls = sip.TryGetProperty("activeCalls", out var active) && active.TryGetInt32(out var n) ? n : null;
            }
            return new MediaHostHealth(status.GetString()!, sipState, calls);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public override string ToString() =>
        $"status {Status}" + (SipState is null ? "" : $", SIP {SipState}") + (ActiveCalls is null ? "" : $", {ActiveCalls} calls in progress");
}
