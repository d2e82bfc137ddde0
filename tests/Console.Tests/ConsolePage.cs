using OpenQA.Selenium;

namespace VoiceFunctions.Console.Tests;

/// <summary>What a person does and sees on the call console, in the browser: sign in, the live list, the history, one call.</summary>
internal sealed class ConsolePage(ChromiumBrowser browser, Uri controlPlane)
{
    public static readonly TimeSpan Quick = TimeSpan.FromSeconds(10);

    private IWebDriver Driver => browser.Driver;

    /// <summary>
    /// Opens /console as a person types it (the local host redirects it to the page), signed out (the tab's session
    /// storage of an earlier test is cleared) and at a desktop's size, and waits for the sign-in form.
    /// </summary>
    public void Open()
    {
        Driver.Manage().Window.Size = new global::System.Drawing.Size(1280, 1000);
        Driver.Navigate().GoToUrl(new Uri(controlPlane, "/console"));
        Script("sessionStorage.clear(); location.hash = '';");
        Driver.Navigate().Refresh();
        browser.WaitFor(d => d.FindElement(By.Id("api-key")).Displayed, Quick, "the sign-in form");
    }

    public void SignIn(string credential)
    {
        var input = Driver.FindElement(By.Id("api-key"));
        input.Clear();
        input.SendKeys(credential);
        input.SendKeys(Keys.Enter);
    }

    /// <summary>Signs in and waits for the calls list.</summary>
    public void SignInAndWaitForCalls(string credential)
    {
        SignIn(credential);
        browser.WaitFor(d => d.FindElement(By.Id("calls-table")), Quick, "the calls list after signing in");
    }

    public string SignInError() => browser.WaitFor(d =>
    {
        var error = d.FindElement(By.Id("sign-in-error"));
        return error.Displayed && error.Text.Length > 0 ? error.Text : null;
    }, Quick, "the sign-in error");

    /// <summary>The first call in the "Live now" list: its id.</summary>
    public string WaitForLiveCall(TimeSpan timeout) => browser.WaitFor(d =>
        d.FindElements(By.CssSelector("#live-calls li.live-call")).FirstOrDefault()?.GetAttribute("data-call-id"), timeout, "a live call in the list");

    public void OpenCall(string callId) =>
        Driver.FindElement(By.CssSelector($"#live-calls li[data-call-id='{callId}'] a, #calls-table tr[data-call-id='{callId}'] a")).Click();

    public string CallOutcomeBadge() => Driver.FindElement(By.Id("call-outcome")).Text;

    public string WaitForCallOutcome(Func<string, bool> done, TimeSpan timeout, string what) => browser.WaitFor(d =>
    {
        var text = d.FindElement(By.Id("call-outcome")).Text;
        return done(text) ? text : null;
    }, timeout, what);

    public IReadOnlyList<string> TranscriptLines(string who) =>
        Driver.FindElements(By.CssSelector($"#transcript p.{who}")).Select(p => p.Text).ToList();

    public IReadOnlyList<IWebElement> LatencyBars() => Driver.FindElements(By.CssSelector("#latency-bars li.turn-bar"));

    /// <summary>The timeline table's rows as (source, what) pairs.</summary>
    public IReadOnlyList<(string Source, string What)> TimelineRows() =>
        Driver.FindElements(By.CssSelector("#timeline-table tbody tr"))
            .Select(r => (r.GetAttribute("data-source") ?? "", r.FindElements(By.TagName("td"))[2].Text)).ToList();

    public void BackToCalls()
    {
        Driver.FindElement(By.Id("back-to-calls")).Click();
        browser.WaitFor(d => d.FindElement(By.Id("calls-table")), Quick, "the calls list");
    }

    public void OpenHealth()
    {
        Driver.FindElement(By.LinkText("Health")).Click();
        browser.WaitFor(d => d.FindElement(By.Id("alerts")), Quick, "the health view");
    }

    public void OpenCalls()
    {
        Driver.FindElement(By.LinkText("Calls")).Click();
        browser.WaitFor(d => d.FindElement(By.Id("calls-table")), Quick, "the calls list");
    }

    public IWebElement HistoryRow(string callId) =>
        browser.WaitFor(d => d.FindElement(By.CssSelector($"#calls-table tr[data-call-id='{callId}']")), Quick, "the call in the history");

    public void FilterByOutcome(string outcome) =>
        Driver.FindElement(By.CssSelector($"#filter-outcome option[value='{outcome}']")).Click();

    public void FilterByDirection(string direction) =>
        Driver.FindElement(By.CssSelector($"#filter-direction option[value='{direction}']")).Click();

    /// <summary>The Direction cell's text of the call's history row, read in one script (the list re-renders every 2 s).</summary>
    public string? HistoryDirection(string callId) =>
        Script($"return document.querySelector(\"#calls-table tr[data-call-id='{callId}'] td.direction\")?.textContent ?? null;") as string;

    /// <summary>Waits for the history's status line (day, calls shown of the page's, page number) to read <paramref name="text"/>.</summary>
    public void WaitForCallsStatus(string text) =>
        browser.WaitFor(d => d.FindElement(By.Id("calls-status")).Text.StartsWith(text, StringComparison.Ordinal), Quick, "the history status \"" + text + "\"");

    /// <summary>Replaces the value of the input <paramref name="id"/> as a person types it.</summary>
    public void Type(string id, string text)
    {
        var input = Driver.FindElement(By.Id(id));
        input.SendKeys(Keys.Control + "a");
        input.SendKeys(text);
    }

    /// <summary>Presses Tab (at most 40 times) until the focused element is <paramref name="wanted"/>; returns it.</summary>
    public IWebElement TabUntilFocused(Func<IWebElement, bool> wanted, string what)
    {
        for (var i = 0; i < 40; i++)
        {
            new OpenQA.Selenium.Interactions.Actions(Driver).SendKeys(Keys.Tab).Perform();
            var focused = Driver.SwitchTo().ActiveElement();
            if (wanted(focused))
            {
                return focused;
            }
        }
        throw new Xunit.Sdk.XunitException($"{what}: not reached with Tab. The page showed:\n{browser.BodyText()}");
    }

    /// <summary>
    /// Visible text whose colour has less than <paramref name="minimum"/> contrast (WCAG 2 relative luminance) against
    /// the first opaque background behind it: "text (ratio)" for each, empty when all pass.
    /// </summary>
    public IReadOnlyList<string> TextBelowContrast(double minimum) =>
        ((IReadOnlyCollection<object>)Script(ContrastScript.Replace("MINIMUM", minimum.ToString(global::System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))!)
            .Select(o => (string)o).ToList();

    private const string ContrastScript = """
        const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
        const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
          .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
        const background = (e) => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length === 3 || c[3] > 0) return c.slice(0, 3); } return [255, 255, 255]; };
        const low = [];
        for (const e of document.querySelectorAll("body *")) {
          const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
          const box = e.getBoundingClientRect();
          if (!own || box.width === 0 || box.height === 0 || e.closest(".visually-hidden, .skip")) continue;
          const [a, b] = [lum(rgb(getComputedStyle(e).color).slice(0, 3)), lum(background(e))];
          const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          if (ratio < MINIMUM) low.push(`${e.tagName.toLowerCase()} "${e.textContent.trim().slice(0, 40)}" ${ratio.toFixed(2)}`);
        }
        return low;
        """;

    public object? Script(string script) => ((IJavaScriptExecutor)Driver).ExecuteScript(script);
}
