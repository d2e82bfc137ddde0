using System.Text;
using System.Text.Json;
using VoiceFunctions.MediaHost.Providers;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// The generic HTTP tool: POSTs the model's JSON arguments to the configured URL and returns the answer's body
/// (cut to 4 000 characters) for the model to read. Failures come back as a JSON error the model can talk about,
/// never as an exception into the call.
/// </summary>
public sealed class HttpToolInvoker(HttpClient http, IReadOnlyList<HttpToolOptions> tools, TimeProvider time)
{
    private const int MaxResultChars = 4_000;

    public IReadOnlyList<HttpToolOptions> Tools => tools;

    public IEnumerable<ToolDefinition> Definitions() =>
        tools.Select(t => new ToolDefinition(t.Name, t.Description, JsonDocument.Parse(t.ParametersSchema).RootElement.Clone()));

    public bool Handles(string name) => tools.Any(t => t.Name == name);

    public async Task<string> InvokeAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var tool = tools.First(t => t.Name == call.Name);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(tool.TimeoutSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var content = new StringContent(call.ArgumentsJson, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(tool.Url, content, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            if (body.Length > MaxResultChars)
            {
                body = body[..MaxResultChars];
            }
            return response.IsSuccessStatusCode ? body : JsonSerializer.Serialize(new { error = $"HTTP {(int)response.StatusCode}", body });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return JsonSerializer.Serialize(new { error = $"no answer within {tool.TimeoutSeconds} s" });
        }
        catch (HttpRequestException e)
        {
            return JsonSerializer.Serialize(new { error = "request failed: " + e.HttpRequestError });
        }
    }
}
