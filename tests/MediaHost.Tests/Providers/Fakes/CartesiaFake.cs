using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace VoiceFunctions.MediaHost.Tests.Providers.Fakes;

/// <summary>
/// Test double of Cartesia's TTS socket (/tts/websocket). The upgrade needs "Authorization: Bearer &lt;key&gt;" and a
/// "Cartesia-Version" (else 401, the documented refusal; its exact body is unconfirmed); 429 (over the socket limit,
/// with Retry-After, a script setting) and 503 refuse the upgrade as the script says. Generation requests carry
/// context_id, model_id, voice {mode:"id", id}, output_format {container:"raw", encoding:"pcm_s16le", sample_rate},
/// language and continue; transcripts with continue:true accumulate on their context until one with continue:false
/// (the documented end of input); one socket carries one context after another. Then "chunk" messages (base64 audio, done:false, status_code 206) and "done"
/// (status_code 200). A request the fake cannot serve gets a per-context "error" message (status_code 400) and the
/// socket stays open; so does a context refused while the script says 429 or 503 (the upgrade itself is refused likewise).
/// With <see cref="FakeScript.CloseIdleSockets"/> the fake closes the socket (1000) after each context, as the vendor
/// closes an idle socket.
/// </summary>
internal static class CartesiaFake
{
    public static async Task HandleAsync(HttpContext context, FakeScript script)
    {
        Interlocked.Increment(ref script.Sessions);
        script.LastAuth = context.Request.Headers.Authorization;
        if (script.LastAuth != "Bearer " + FakeScript.Key || string.IsNullOrEmpty(context.Request.Headers["Cartesia-Version"]))
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsync("""{"error":"Invalid API key or missing Cartesia-Version"}""");
            return;
        }
        if (script.Behaviour is FakeBehaviour.RateLimited or FakeBehaviour.ServerError)
        {
            context.Response.StatusCode = script.Behaviour == FakeBehaviour.RateLimited ? 429 : 503;
            context.Response.Headers.RetryAfter = script.RetryAfterSeconds.ToString();
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[64 * 1024];
        var transcripts = new Dictionary<string, StringBuilder>();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
            using var request = JsonDocument.Parse(buffer.AsMemory(0, result.Count));
            var root = request.RootElement;
            var id = root.TryGetProperty("context_id", out var c) ? c.GetString() ?? "" : "";
            if (Invalid(root) is { } problem)
            {
                await SendAsync(socket, $$"""{"type":"error","context_id":"{{id}}","done":true,"status_code":400,"title":"Invalid request","message":"{{problem}}","error_code":"invalid_request"}""");
                continue;
            }
            var text = transcripts.TryGetValue(id, out var t) ? t : transcripts[id] = new StringBuilder();
            text.Append(root.GetProperty("transcript").GetString());
            if (root.TryGetProperty("continue", out var more) && more.GetBoolean())
            {
                continue;
            }
            if (script.Behaviour is FakeBehaviour.RateLimited or FakeBehaviour.ServerError)
            {
                // An open socket refuses a context with the documented error message (429: over the concurrency limit).
                var status = script.Behaviour == FakeBehaviour.RateLimited ? 429 : 503;
                await SendAsync(socket, $$"""{"type":"error","context_id":"{{id}}","done":true,"status_code":{{status}},"title":"Refused","message":"the fake refuses this context","error_code":"refused"}""");
                continue;
            }
            if (text.ToString().Trim().Length == 0)
            {
                await SendAsync(socket, $$"""{"type":"error","context_id":"{{id}}","done":true,"status_code":400,"title":"Invalid request","message":"empty transcript","error_code":"invalid_request"}""");
                continue;
            }
            if (!await SpeakAsync(context, socket, script, id, root.GetProperty("output_format").GetProperty("sample_rate").GetInt32()))
            {
                return;
            }
            if (script.CloseIdleSockets)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "idle", default); // as the vendor does after 5 idle minutes
                return;
            }
        }
    }

    /// <summary>What the fake refuses in a request, or null.</summary>
    private static string? Invalid(JsonElement root)
    {
        if (!root.TryGetProperty("context_id", out _) || !root.TryGetProperty("model_id", out _) || !root.TryGetProperty("transcript", out _))
        {
            return "context_id, model_id and transcript are required";
        }
        if (!root.TryGetProperty("voice", out var voice) || voice.GetProperty("mode").GetString() != "id" || voice.GetProperty("id").GetString() is not { Length: > 0 })
        {
            return "voice must be {mode: id, id}";
        }
        var format = root.GetProperty("output_format");
        return format.GetProperty("container").GetString() == "raw" && format.GetProperty("encoding").GetString() == "pcm_s16le"
            && format.GetProperty("sample_rate").GetInt32() is 8000 or 16000 or 22050 or 24000 or 44100 or 48000
            ? null : "this fake serves raw pcm_s16le only";
    }

    /// <summary>Streams the script's audio on <paramref name="id"/>; false when the script dropped the connection.</summary>
    private static async Task<bool> SpeakAsync(HttpContext context, WebSocket socket, FakeScript script, string id, int rate)
    {
        var first = true;
        foreach (var chunk in script.AudioChunks(rate))
        {
            if (first)
            {
                await Task.Delay(script.Behaviour == FakeBehaviour.SlowFirstResult ? script.FirstResultDelay : script.TtsFirstAudioDelay, context.RequestAborted);
            }
            await SendAsync(socket, $$"""{"type":"chunk","context_id":"{{id}}","data":"{{Convert.ToBase64String(chunk)}}","done":false,"status_code":206,"step_time":12.5}""");
            if (first && script.HoldAfterFirstChunk is { } hold)
            {
                await hold.Task.WaitAsync(context.RequestAborted);
            }
            if (first && script.Behaviour == FakeBehaviour.DropMidStream)
            {
                await Task.Delay(50); // let the first message leave before the TCP connection is cut
                context.Abort();
                return false;
            }
            first = false;
        }
        await SendAsync(socket, $$"""{"type":"done","context_id":"{{id}}","done":true,"status_code":200}""");
        return true;
    }

    private static Task SendAsync(WebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, default);
}
