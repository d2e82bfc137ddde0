namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Ingress.DeleteIngress.</summary>
public sealed class DeleteIngressRequest
{
    public string IngressId { get; set; } = "";
}
