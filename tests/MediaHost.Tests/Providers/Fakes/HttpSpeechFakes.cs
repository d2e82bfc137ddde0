using Microsoft.AspNetCore.Http;

namespace VoiceFunctions.MediaHost.Tests.Providers.Fakes;

/// <summary>
/// Test doubles of the HTTP speech endpoints. Azure AI Speech TTS (POST /cognitiveservices/v1): the key in
/// "Ocp-Apim-Subscription-Key" (else 401), "application/ssml+xml" (else 415), "X-Microsoft-OutputFormat" (else 400),
/// the raw 16 kHz PCM body in chunks. OpenAI (POST /v1/audio/speech: 24 kHz "pcm" in chunks; POST
/// /v1/audio/transcriptions: {"text"}), bearer key, error JSON. Both: 429 with Retry-After, 503, a body cut mid-way.
/// </summary>
internal static class HttpSpeechFakes
{
    public static async Task AzureTtsAsync(HttpContext context, FakeScript script)
    {
        Interlocked.Increment(ref script.Sessions);
        script.LastAuth = context.Request.Headers["Ocp-Apim-Subscription-Key"];
        if (script.LastAuth != FakeScript.Key)
        {
            context.Response.StatusCode = 401;
            return;
        }
        if (context.Request.ContentType?.StartsWith("application/ssml+xml", StringComparison.Ordinal) != true)
        {
            context.Response.StatusCode = 415;
            return;
        }
        if (context.Request.Headers["X-Microsoft-OutputFormat"] != "raw-16khz-16bit-mono-pcm" || context.Request.Headers.UserAgent.Count == 0)
        {
            context.Response.StatusCode = 400;
            return;
        }
        var ssml = await new StreamReader(context.Request.Body).ReadToEndAsync();
        if (!ssml.Contains("<speak", StringComparison.Ordinal) || !ssml.Contains("<voice name=", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 400;
            return;
        }
        var text = System.Xml.Linq.XDocument.Parse(ssml).Descendants().First(e => e.Name.LocalName == "voice").Value;
        await StreamAudioAsync(context, script, 16_000, "audio/x-wav", text);
    }

    public static async Task OpenAiSpeechAsync(HttpContext context, FakeScript script)
    {
        Interlocked.Increment(ref script.Sessions);
        if (!await OpenAiAuthorisedAsync(context, script))
        {
            return;
        }
        await StreamAudioAsync(context, script, 24_000, "application/octet-stream", "");
    }

    public static async Task OpenAiTranscriptionAsync(HttpContext context, FakeScript script)
    {
        Interlocked.Increment(ref script.Sessions);
        if (!await OpenAiAuthorisedAsync(context, script))
        {
            return;
        }
        var form = await context.Request.ReadFormAsync();
        script.AudioBytes = form.Files["file"]?.Length ?? 0;
        if (script.Behaviour == FakeBehaviour.SlowFirstResult)
        {
            await Task.Delay(script.FirstResultDelay, context.RequestAborted);
        }
        if (script.Behaviour == FakeBehaviour.DropMidStream)
        {
            context.Abort();
            return;
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"text":"{{FakeScript.Transcript}}"}""");
    }

    internal static async Task<bool> OpenAiAuthorisedAsync(HttpContext context, FakeScript script)
    {
        script.LastAuth = context.Request.Headers.Authorization;
        if (script.LastAuth != "Bearer " + FakeScript.Key)
        {
            await ErrorAsync(context, 401, "Incorrect API key provided");
            return false;
        }
        switch (script.Behaviour)
        {
            case FakeBehaviour.RateLimited:
                context.Response.Headers.RetryAfter = script.RetryAfterSeconds.ToString();
                await ErrorAsync(context, 429, "Rate limit reached");
                return false;
            case FakeBehaviour.ServerError:
                await ErrorAsync(context, 503, "The server is overloaded");
                return false;
        }
        return true;
    }

    private static async Task StreamAudioAsync(HttpContext context, FakeScript script, int rate, string contentType, string text)
    {
        switch (script.Behaviour)
        {
            case FakeBehaviour.RateLimited:
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = script.RetryAfterSeconds.ToString();
                return;
            case FakeBehaviour.ServerError:
                context.Response.StatusCode = 503;
                return;
        }
        context.Response.ContentType = contentType;
        var first = true;
        foreach (var chunk in await script.AudioChunksAsync(rate, text))
        {
            if (first && script.Behaviour == FakeBehaviour.SlowFirstResult)
            {
                await Task.Delay(script.FirstResultDelay, context.RequestAborted);
            }
            await context.Response.Body.WriteAsync(chunk);
            await context.Response.Body.FlushAsync();
            if (first && script.HoldAfterFirstChunk is { } hold)
            {
                await hold.Task.WaitAsync(context.RequestAborted);
            }
            if (first && script.Behaviour == FakeBehaviour.DropMidStream)
            {
                await Task.Delay(50);
                context.Abort();
                return;
            }
            first = false;
        }
    }

    private static Task ErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync("{\"error\":{\"message\":\"" + message + "\",\"type\":\"error\",\"param\":null,\"code\":null}}");
    }
}
