using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace VoiceFunctions.MediaHost.Tests.Providers.Fakes;

/// <summary>
/// Test double of Deepgram live transcription (GET /v1/listen, WebSocket). Auth "Authorization: Token &lt;key&gt;", else
/// 401 with {"err_code":"INVALID_AUTH"} and dg-error; 429/503 refusals at the upgrade; binary audio in; an interim
/// Results after the first audio; on CloseStream the is_final + speech_final Results, UtteranceEnd, Metadata and a
/// 1000 close. A zero-length binary frame closes with 1008 DATA-0000, as Deepgram does.
/// </summary>
internal static class DeepgramFake
{
    public static async Task HandleAsync(HttpContext context, FakeScript script)
    {
        Interlocked.Increment(ref script.Sessions);
        script.LastAuth = context.Request.Headers.Authorization;
        context.Response.Headers["dg-request-id"] = Guid.NewGuid().ToString();
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
        if (context.Request.Headers.Authorization != "Token " + FakeScript.Key)
        {
            await Refuse(context, 401, "INVALID_AUTH", "Invalid credentials.");
            return;
        }
        if (context.Request.Query["encoding"] != "linear16" || context.Request.Query["interim_results"] != "true")
        {
            await Refuse(context, 400, "INVALID_QUERY_PARAMETER", "encoding/interim_results");
            return;
        }
        switch (script.Behaviour)
        {
            case FakeBehaviour.RateLimited:
                context.Response.Headers.RetryAfter = script.RetryAfterSeconds.ToString();
                await Refuse(context, 429, "TOO_MANY_REQUESTS", "Too many requests.");
                return;
            case FakeBehaviour.ServerError:
                await Refuse(context, 503, "SERVICE_UNAVAILABLE", "Service unavailable.");
                return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[64 * 1024];
        var sentInterim = false;
        script.AudioBytes = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
            if (result.MessageType == WebSocketMessageType.Binary)
            {
                if (result.Count == 0 && result.EndOfMessage)
                {
                    await socket.CloseAsync((WebSocketCloseStatus)1008, "DATA-0000", default);
                    return;
                }
                script.AudioBytes += result.Count;
                if (!sentInterim && script.AudioBytes >= 6400)
                {
                    sentInterim = true;
                    if (script.Behaviour == FakeBehaviour.DropMidStream)
                    {
                        await SendAsync(socket, Results(script.InterimText, isFinal: false, speechFinal: false));
                        context.Abort();
                        return;
                    }
                    if (script.Behaviour != FakeBehaviour.SlowFirstResult)
                    {
                        await SendAsync(socket, Results(script.InterimText, isFinal: false, speechFinal: false));
                    }
                }
                continue;
            }
            var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
            if (text.Contains("\"CloseStream\"", StringComparison.Ordinal))
            {
                if (script.Behaviour == FakeBehaviour.SlowFirstResult)
                {
                    await Task.Delay(script.FirstResultDelay, context.RequestAborted);
                }
                await SendAsync(socket, Results(FakeScript.Transcript, isFinal: true, speechFinal: true));
                await SendAsync(socket, """{"type":"UtteranceEnd","channel":[0,1],"last_word_end":1.9}""");
                await SendAsync(socket, """{"type":"Metadata","transaction_key":"deprecated","request_id":"fake","sha256":"","created":"2026-01-01T00:00:00Z","duration":2.0,"channels":1}""");
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", default);
                return;
            }
            if (!text.Contains("\"KeepAlive\"", StringComparison.Ordinal) && !text.Contains("\"Finalize\"", StringComparison.Ordinal))
            {
                await SendAsync(socket, """{"type":"Error","variant":"SchemaError","description":"unknown message"}""");
            }
        }
    }

    private static string Results(string transcript, bool isFinal, bool speechFinal) =>
        "{\"type\":\"Results\",\"channel_index\":[0,1],\"duration\":1.0,\"start\":0.0,\"is_final\":" + (isFinal ? "true" : "false")
        + ",\"speech_final\":" + (speechFinal ? "true" : "false") + ",\"from_finalize\":false,\"channel\":{\"alternatives\":[{\"transcript\":\"" + transcript
        + "\",\"confidence\":0.93,\"words\":[]}]},\"metadata\":{\"request_id\":\"fake\",\"model_uuid\":\"fake\",\"model_info\":{\"name\":\"nova-2\",\"version\":\"fake\",\"arch\":\"fake\"}}}";

    private static Task SendAsync(WebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, default);

    private static Task Refuse(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.Headers["dg-error"] = message;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync($$"""{"err_code":"{{code}}","err_msg":"{{message}}","request_id":"fake"}""");
    }
}
