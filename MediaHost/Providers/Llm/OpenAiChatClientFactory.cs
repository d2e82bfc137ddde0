using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using VoiceFunctions.MediaHost.Providers.Configuration;

namespace VoiceFunctions.MediaHost.Providers.Llm;

/// <summary>
/// Builds an <see cref="IChatClient"/> on the OpenAI SDK for every OpenAI-shaped LLM endpoint:
/// "openai" (api.openai.com, bearer key), "openai-compatible" (Ollama, vLLM…: any base URL, key optional),
/// "azure-openai" (classic: https://{resource}.openai.azure.com/openai/deployments/{deployment}/chat/completions?api-version=…
/// with the "api-key" header) and "azure-openai-v1" (https://{resource}.openai.azure.com/openai/v1 with "api-key").
/// The SDK's own retries are off: retry, breaker and failover belong to the chain (one policy, one place).
/// Azure classic goes through the OpenAI client with <see cref="AzureApiKeyPolicy"/> rather than Azure.AI.OpenAI 2.1.0,
/// whose api-version is a closed enum and which is built against OpenAI 2.1 (we use 2.15).
/// </summary>
public static class OpenAiChatClientFactory
{
    public const string OpenAiEndpoint = "https://api.openai.com/v1";

    public static IChatClient Create(ProviderOptions options, HttpClient http)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(options.AttemptTimeoutSeconds),
        };
        string model;
        switch (options.Kind)
        {
            case "azure-openai":
                clientOptions.Endpoint = new Uri(options.Endpoint.TrimEnd('/') + "/openai/deployments/" + Uri.EscapeDataString(options.Deployment));
                clientOptions.AddPolicy(new AzureApiKeyPolicy(options.ApiKey, options.ApiVersion), PipelinePosition.BeforeTransport);
                model = options.Deployment;
                break;
            case "azure-openai-v1":
                clientOptions.Endpoint = new Uri(options.Endpoint.TrimEnd('/') + "/openai/v1");
                clientOptions.AddPolicy(new AzureApiKeyPolicy(options.ApiKey, apiVersion: null), PipelinePosition.BeforeTransport);
                model = options.Model.Length > 0 ? options.Model : options.Deployment;
                break;
            default: // "openai", "openai-compatible"
                clientOptions.Endpoint = new Uri(options.Endpoint.Length > 0 ? options.Endpoint : OpenAiEndpoint);
                if (options.ApiKey.Length == 0)
                {
                    clientOptions.AddPolicy(new AzureApiKeyPolicy(apiKey: "", apiVersion: null), PipelinePosition.BeforeTransport);
                }
                model = options.Model;
                break;
        }
        // The SDK insists on a credential; keyless servers get a placeholder that the policy above strips again.
        var credential = new ApiKeyCredential(options.ApiKey.Length > 0 ? options.ApiKey : "no-key");
        return new OpenAIClient(credential, clientOptions).GetChatClient(model).AsIChatClient();
    }
}
