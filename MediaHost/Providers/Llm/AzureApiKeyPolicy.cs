using System.ClientModel.Primitives;

namespace VoiceFunctions.MediaHost.Providers.Llm;

/// <summary>
/// Rewrites the OpenAI SDK's request for servers that do not take its bearer header: Azure OpenAI ("api-key" header,
/// and for classic deployments the "api-version" query parameter) and keyless OpenAI-compatible servers (no
/// Authorization at all when <paramref name="apiKey"/> is empty). Runs just before the transport.
/// </summary>
internal sealed class AzureApiKeyPolicy(string apiKey, string? apiVersion) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Apply(message.Request);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Apply(message.Request);
        return ProcessNextAsync(message, pipeline, currentIndex);
    }

    private void Apply(PipelineRequest request)
    {
        request.Headers.Remove("Authorization");
        if (apiKey.Length > 0)
        {
            request.Headers.Set("api-key", apiKey);
        }
        if (apiVersion is not null && request.Uri is { } uri && !uri.Query.Contains("api-version=", StringComparison.Ordinal))
        {
            var separator = uri.Query.Length > 0 ? "&" : "?";
            request.Uri = new Uri(uri.AbsoluteUri + separator + "api-version=" + Uri.EscapeDataString(apiVersion));
        }
    }
}
