using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace VoiceFunctions.MediaHost.Tests.Providers.Fakes;

/// <summary>
/// Test double of ElevenLabs' stream-input socket (/v1/text-to-speech/{voice}/stream-input). A bad "xi-api-key" is
/// accepted and closed with 1008, as reported for the live service; 429/503 refusals at the upgrade are script
/// settings (unconfirmed for the vendor). Expects the init message (" "), text, then "" (end of input); answers with
/// base64 pcm_16000 audio messages, {"isFinal":true} and a 1000 close. A malformed message gets the documented
/// invalid_input_message error and a 1008 close.
/// </summary>
internal static class ElevenLabsFake
{
    public static async Task HandleAsync(HttpContext context, FakeScript script)
    {
        Interlocked.Increment(ref script.Sessions);
        script.LastAuth = context.Request.Headers["xi-api-key"];
        if (script.Behaviour is FakeBehaviour.RateLimited or FakeBehaviour.ServerError)
        {
            context.Response.StatusCode = script.Behaviour == FakeBehaviour.RateLimited ? 429 : 503;
            context.Response.Headers.RetryAfter = script.RetryAfterSeconds.ToString();
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        if (script.LastAuth != FakeScript.Key)
        {
            await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "Invalid API key", default);
            return;
        }
        var buffer = new byte[64 * 1024];
        var messages = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
            string? text;
            try
            {
                using var doc = JsonDocument.Parse(buffer.AsMemory(0, result.Count));
                text = doc.RootElement.GetProperty("text").GetString();
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                await SendAsync(socket, """{"message":"Could not parse input message.","error":"invalid_input_message","code":1008}""");
                await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "invalid_input_message", default);
                return;
            }
            messages++;
            if (messages == 1 && text != " ")
            {
                await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "the first message must be the init message", default);
                return;
            }
            if (text != "")
            {
                continue;
            }
            var first = true;
            foreach (var chunk in script.AudioChunks(16_000))
            {
                if (first && script.Behaviour == FakeBehaviour.SlowFirstResult)
                {
                    await Task.Delay(script.FirstResultDelay, context.RequestAborted);
                }
                await SendAsync(socket, $$"""{"audio":"{{Convert.ToBase64String(chunk)}}","isFinal":null,"normalizedAlignment":null,"alignment":null}""");
                if (first && script.HoldAfterFirstChunk is { } hold)
                {
                    await hold.Task.WaitAsync(context.RequestAborted);
                }
                if (first && script.Behaviour == FakeBehaviour.DropMidStream)
                {
                    await Task.Delay(50); // let the first message leave before the TCP connection is cut
                    context.Abort();
                    return;
                }
                first = false;
            }
            await SendAsync(socket, """{"isFinal":true}""");
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", default);
            return;
        }
    }

    private static Task SendAsync(WebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, default);
}
