using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace VoiceFunctions.Functions.Webhooks;

/// <summary>
/// A response written straight to the HttpResponse: it needs no MVC services, so the same function
/// result works in Azure Functions, in the local host and in tests on a DefaultHttpContext.
/// </summary>
public sealed class HttpResponseResult(int status, string contentType, byte[] body) : IActionResult
{
    // The calls API's JSON, shared with voicectl, which reads it with the same options.
    private static readonly JsonSerializerOptions Json = VoiceFunctions.Shared.Calls.CallsApiJson.Options;

    public int Status { get; } = status;
    public string ContentType { get; } = contentType;
    public byte[] Body { get; } = body;

    public string BodyText => Encoding.UTF8.GetString(Body);

    public static HttpResponseResult Text(int status, string text) => new(status, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text));

    public static HttpResponseResult JsonBody<T>(int status, T value) => new(status, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(value, Json));

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = Status;
        response.ContentType = ContentType;
        response.ContentLength = Body.Length;
        await response.Body.WriteAsync(Body, context.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
