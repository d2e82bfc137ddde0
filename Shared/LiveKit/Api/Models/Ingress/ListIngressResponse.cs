namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Ingress.ListIngress response.</summary>
public sealed class ListIngressResponse
{
    public List<IngressInfo> Items { get; set; } = [];
}
