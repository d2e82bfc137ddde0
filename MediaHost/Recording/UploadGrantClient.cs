using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceFunctions.MediaHost.ControlPlane;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.LiveKit.Webhooks;

namespace VoiceFunctions.MediaHost.Recording;

/// <summary>
/// Asks the control plane for a write-only link to a call's recording blob: POST /api/calls/{callId}/recording/upload,
/// signed like the call events (agent-events key, JWT over the body's SHA-256). The MediaHost never holds a storage key.
/// </summary>
public sealed class UploadGrantClient(UploadRequestPipeline http, ControlPlaneOptions controlPlane, TimeProvider time)
{
    private readonly WebhookSigner _signer = new(new LiveKitCredentials(controlPlane.KeyId, controlPlane.Secret), time);

    /// <exception cref="RecordingUploadException">The control plane refused or could not be reached (the reason says which).</exception>
    public async Task<RecordingUploadGrant> RequestAsync(RecordedFile file, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new RecordingUploadRequest(file.CallId, "audio/wav", file.SizeBytes), AgentEventParser.Json);
        var url = new Uri(new Uri(controlPlane.BaseUrl.TrimEnd('/') + "/"), $"api/calls/{Uri.EscapeDataString(file.CallId)}/recording/upload");
        var authorization = new AuthenticationHeaderValue("Bearer", _signer.Sign(body));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Authorization = authorization;
                return request;
            }, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new RecordingUploadException($"the control plane could not be reached for an upload link ({e.HttpRequestError})");
        }
        catch (Exception e) when (e is TaskCanceledException or Polly.Timeout.TimeoutRejectedException && !ct.IsCancellationRequested)
        {
            throw new RecordingUploadException("the control plane did not answer the upload-link request in time");
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                throw new RecordingUploadException($"the control plane refused an upload link: HTTP {(int)response.StatusCode} {Clip(text)}");
            }
            return await response.Content.ReadFromJsonAsync<RecordingUploadGrant>(AgentEventParser.Json, ct).ConfigureAwait(false)
                ?? throw new RecordingUploadException("the control plane answered the upload-link request with JSON null");
        }
    }

    private static string Clip(string text) => text.Length > 200 ? text[..200] : text;
}
