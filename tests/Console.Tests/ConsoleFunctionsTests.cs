using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using VoiceFunctions.Functions.CallConsole;
using VoiceFunctions.Functions.Webhooks;

namespace VoiceFunctions.Console.Tests;

/// <summary>The Console function as the function app and the local host run it: which files it serves, and how.</summary>
public sealed partial class ConsoleFunctionsTests
{
    private readonly ConsoleFunctions _function = new();

    [Fact]
    public void Page_is_served_as_html_under_a_policy_that_runs_only_its_own_scripts_and_talks_only_to_its_own_origin()
    {
        var (result, response) = Get("");

        Assert.Equal(200, result.Status);
        Assert.Equal("text/html; charset=utf-8", result.ContentType);
        var policy = response.Headers.ContentSecurityPolicy.ToString();
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("connect-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions.ToString());
        Assert.Equal("no-referrer", response.Headers["Referrer-Policy"].ToString());
    }

    [Fact]
    public void Every_file_the_page_and_its_modules_load_is_served_with_its_type()
    {
        var pending = new Queue<string>(["index.html"]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var path))
        {
            if (!seen.Add(path))
            {
                continue;
            }
            var (result, _) = Get(path);
            Assert.True(result.Status == 200, $"{path} answered {result.Status}: {result.BodyText}");
            var expectedType = Path.GetExtension(path) switch { ".html" => "text/html", ".js" => "text/javascript", ".css" => "text/css", _ => "?" };
            Assert.StartsWith(expectedType, result.ContentType);
            var folder = path.Contains('/') ? path[..(path.LastIndexOf('/') + 1)] : "";
            foreach (Match reference in LocalReference().Matches(result.BodyText))
            {
                pending.Enqueue(Normalize(folder + reference.Groups["path"].Value));
            }
        }
        // The page, its styles and every module reached from js/app.js; no embedded file is left unused.
        Assert.Equal(ConsoleAssets.Embedded.Paths.Order(), seen.Order());
    }

    [Fact]
    public void Page_holds_no_inline_script_and_loads_nothing_from_another_origin()
    {
        foreach (var path in ConsoleAssets.Embedded.Paths)
        {
            var text = Encoding.UTF8.GetString(ConsoleAssets.Embedded.Find(path)!.Content);
            Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)[^>]*>", text);
            Assert.DoesNotMatch(@"(src|href)=""(https?:)?//", text);
            Assert.DoesNotMatch(@"\bimport\s*\(?\s*[""'](https?:)?//", text);
        }
    }

    [Fact]
    public void Unknown_file_is_404_and_names_what_was_asked()
    {
        var (result, _) = Get("js/missing.js");

        Assert.Equal(404, result.Status);
        Assert.Equal("the console has no file js/missing.js", result.BodyText);
    }

    [Theory]
    [InlineData("../host.json")]
    [InlineData("wwwroot/index.html")]
    [InlineData("/etc/passwd")]
    public void Path_outside_the_embedded_files_is_404(string path) => Assert.Equal(404, Get(path).Result.Status);

    [Fact]
    public void Console_without_its_trailing_slash_redirects_to_the_page_so_its_relative_scripts_resolve()
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/api/console";

        var result = (HttpResponseResult)_function.Get(context.Request, null);

        Assert.Equal(302, result.Status);
        Assert.Equal("/api/console/", context.Response.Headers.Location.ToString());
    }

    [Fact]
    public void Unchanged_file_answers_304_to_its_etag_and_a_changed_one_is_sent_again()
    {
        var (first, response) = Get("console.css");
        var etag = response.Headers.ETag.ToString();
        Assert.Equal(200, first.Status);

        Assert.Equal(304, Get("console.css", etag).Result.Status);
        Assert.Equal(200, Get("console.css", "\"an-older-version\"").Result.Status);
        Assert.Equal("no-cache", response.Headers.CacheControl.ToString());
    }

    private (HttpResponseResult Result, HttpResponse Response) Get(string path, string? ifNoneMatch = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/api/console/" + path;
        if (ifNoneMatch is not null)
        {
            context.Request.Headers.IfNoneMatch = ifNoneMatch;
        }
        return ((HttpResponseResult)_function.Get(context.Request, path), context.Response);
    }

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }
        return string.Join('/', parts);
    }

    // src="js/app.js", href="console.css", from "./api.js", import "./x.js" — a relative reference to one of our files.
    [GeneratedRegex(@"(?:(?:src|href)=""|from\s+""|import\s+"")(?<path>\.{0,2}/?[\w\-/\.]+\.(?:js|css))""")]
    private static partial Regex LocalReference();
}
