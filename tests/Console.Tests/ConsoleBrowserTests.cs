using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using VoiceFunctions.Functions.Health;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.System.Tests;
using VoiceFunctions.TestSupport;
using Xunit.Abstractions;

namespace VoiceFunctions.Console.Tests;

/// <summary>
/// The call console in headless Chromium against the real local control plane (Functions.LocalHost over Azurite),
/// with a real call: run.sh's demo caller (sipp) calling the MediaHost process, which reports the call to the
/// control plane in direct mode. What is asserted is what a person sees on the page.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ConsoleBrowserTests : IClassFixture<ConsoleFixture>
{
    private readonly ConsoleFixture _fixture;
    private readonly ITestOutputHelper _output;

    public ConsoleBrowserTests(ConsoleFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
        if (fixture.StartFailure is { } failure)
        {
            global::System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    [SkippableFact]
    public void Wrong_key_is_refused_with_the_APIs_reason_and_no_call_data_is_shown()
    {
        var (controlPlane, browser) = (_fixture.ControlPlane, _fixture.Browser);
        var page = new ConsolePage(browser, controlPlane.BaseUrl);
        page.Open();

        page.SignIn("not-the-key");

        Assert.Equal("Refused: the API key is not valid", page.SignInError());
        Assert.Empty(browser.Driver.FindElements(By.Id("calls-table")));
        Assert.False(browser.Driver.FindElement(By.Id("sign-in")).GetAttribute("hidden") is not null, "the sign-in form is hidden");
        // The refused key is not kept: a reload asks again.
        Assert.Null(page.Script("return sessionStorage.getItem('voicefunctions.console.credential')"));
        _output.WriteLine("screenshot: " + browser.SaveScreenshot("refused-key"));
    }

    [SkippableFact]
    public void Operator_signed_in_with_Entra_ID_by_App_Service_Authentication_reads_the_calls_without_a_key()
    {
        var (browser, controlPlane) = (_fixture.Browser, _fixture.ControlPlane);
        var page = new ConsolePage(browser, controlPlane.BaseUrl);
        page.Open();
        // Not signed in: the form offers Entra ID sign-in, since the control plane says it is on, and comes back here.
        var link = browser.WaitFor(d => d.FindElement(By.Id("entra-sign-in")) is { Displayed: true } e ? e.FindElement(By.TagName("a")) : null,
            ConsolePage.Quick, "the Entra ID sign-in link");
        Assert.Equal(new Uri(controlPlane.BaseUrl, "/.auth/login/aad?post_login_redirect_uri=%2Fapi%2Fconsole%2F").ToString(), link.GetAttribute("href"));

        try
        {
            // What App Service Authentication adds to each request of a signed-in user (here written by the browser itself).
            browser.SetExtraHeaders(new Dictionary<string, string>
            {
                ["X-MS-CLIENT-PRINCIPAL"] = AppServicePrincipalHeader.For("Operator One", ConsoleFixture.EntraAppRole),
                ["X-MS-CLIENT-PRINCIPAL-IDP"] = "aad",
            });
            browser.Driver.Navigate().Refresh();

            browser.WaitFor(d => d.FindElement(By.Id("calls-table")), ConsolePage.Quick, "the calls list without a key");
            Assert.Null(page.Script("return sessionStorage.getItem('voicefunctions.console.credential')"));
            page.OpenHealth();
        }
        finally
        {
            browser.SetExtraHeaders(new Dictionary<string, string>());
        }
    }

    [SkippableFact]
    public async Task Control_plane_that_stops_answering_is_shown_on_the_live_list_which_recovers_by_itself_when_it_is_back()
    {
        var page = new ConsolePage(_fixture.Browser, _fixture.ControlPlane.BaseUrl);
        page.Open();
        page.SignInAndWaitForCalls(_fixture.ApiKey);

        var restart = _fixture.ControlPlane.RestartAsync(TimeSpan.FromSeconds(4));
        var error = _fixture.Browser.WaitFor(d => d.FindElement(By.Id("request-error")) is { Displayed: true } e ? e.Text : null,
            TimeSpan.FromSeconds(20), "the failed request shown");
        Assert.StartsWith("The control plane did not answer (retrying):", error);
        await restart;

        _fixture.Browser.WaitFor(d => !d.FindElement(By.Id("request-error")).Displayed, TimeSpan.FromSeconds(20), "the error gone once the control plane is back");
        Assert.True(_fixture.Browser.Driver.FindElement(By.Id("calls-table")).Displayed, "the calls list after the recovery");
    }

    [SkippableFact]
    public async Task A_recorded_call_has_a_player_whose_link_is_fetched_only_on_play_and_downloads_the_file()
    {
        var callId = await RecordedCallSeeder.SeedAsync(_fixture);
        var page = new ConsolePage(_fixture.Browser, _fixture.ControlPlane.BaseUrl);
        page.Open();
        page.SignInAndWaitForCalls(_fixture.ApiKey);
        page.OpenCall(callId);

        var play = _fixture.Browser.WaitFor(d => d.FindElements(By.Id("recording-play")).FirstOrDefault(), ConsolePage.Quick, "the recording's play button");
        Assert.Contains("Recorded by the MediaHost: complete, ended", _fixture.Browser.Driver.FindElement(By.Id("recording")).Text);
        Assert.DoesNotContain("sig=", _fixture.Browser.Driver.PageSource); // no link before play
        play.Click();

        // The link is fetched on demand and given to the player; it downloads the recording. (The browser does not play
        // it here: the page's policy allows media from https only, and Azurite serves plain http.)
        var source = _fixture.Browser.WaitFor(d => (string?)page.Script("return document.getElementById('recording-audio')?.getAttribute('src');"),
            TimeSpan.FromSeconds(20), "the player's link");
        Assert.StartsWith($"http://127.0.0.1:10000/devstoreaccount1/{_fixture.Recordings.Name}/calls/{callId}.wav?", source);
        Assert.Contains("sig=", source);
        using var http = new HttpClient();
        var wav = await http.GetByteArrayAsync(source);
        Assert.Equal((await _fixture.Recordings.GetBlobClient($"calls/{callId}.wav").DownloadContentAsync()).Value.Content.ToArray(), wav);
        Assert.DoesNotContain("sig=", _fixture.Browser.Driver.Url);
    }

    [SkippableFact]
    public async Task Past_days_history_pages_filters_and_masks_numbers_and_a_calls_view_highlights_its_errors_and_transfer()
    {
        // 51 ended calls on a past day (so today's live polling does not touch them): one page of 50 and one of 1.
        var store = _fixture.ControlPlane.Services.GetRequiredService<CallStore>();
        var day = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var prefix = "call-console-day-" + Guid.NewGuid().ToString("N")[..6] + "-";
        await Task.WhenAll(Enumerable.Range(0, 51).Select(i => store.CreateAsync(new CallRecord
        {
            CallId = prefix + i.ToString("D2"), RoomName = prefix + i, CallerNumber = "+1555010" + i.ToString("D4"), StartedAt = day.AddMinutes(i),
            EndedAt = day.AddMinutes(i).AddSeconds(i == 50 ? 90 : 10),
            Outcome = i switch { 49 => CallOutcome.Failed, 48 => CallOutcome.Transferred, _ => CallOutcome.Completed },
            EndReason = i switch { 49 => CallEndReason.Rejected, 48 => CallEndReason.Transferred, _ => CallEndReason.CallerHangUp },
            Errors = i == 49 ? ["the carrier answered 503 Service Unavailable"] : [],
        })));
        var (browser, page) = (_fixture.Browser, new ConsolePage(_fixture.Browser, _fixture.ControlPlane.BaseUrl));
        page.Open();
        page.SignInAndWaitForCalls(_fixture.ApiKey);

        page.Script("const d = document.getElementById('filter-day'); d.value = '2026-03-02'; d.dispatchEvent(new Event('change'));");
        page.WaitForCallsStatus("2026-03-02: 50 of 50 calls on page 1");
        Assert.DoesNotContain("+15550100050", page.HistoryRow(prefix + "50").Text);
        Assert.Contains("+1555•••0050", page.HistoryRow(prefix + "50").Text);
        browser.Driver.FindElement(By.Id("reveal-numbers")).Click();
        browser.WaitFor(d => page.HistoryRow(prefix + "50").Text.Contains("+15550100050", StringComparison.Ordinal), ConsolePage.Quick, "the number shown");

        // At least 60 s: only the 90 s call. Failures only: only the rejected one, marked as a failure.
        page.Type("filter-min-seconds", "60");
        page.WaitForCallsStatus("2026-03-02: 1 of 50 calls on page 1");
        page.HistoryRow(prefix + "50");
        page.Type("filter-min-seconds", "0");
        browser.Driver.FindElement(By.Id("filter-failures")).Click();
        page.WaitForCallsStatus("2026-03-02: 1 of 50 calls on page 1");
        Assert.Equal("failure", page.HistoryRow(prefix + "49").GetAttribute("class"));
        browser.Driver.FindElement(By.Id("filter-failures")).Click();

        // Older: the day's 51st call, the oldest; Newer: back to the first page.
        browser.Driver.FindElement(By.Id("page-next")).Click();
        page.WaitForCallsStatus("2026-03-02: 1 of 1 calls on page 2");
        page.HistoryRow(prefix + "00");
        Assert.False(browser.Driver.FindElement(By.Id("page-next")).Enabled, "no page after the last one");
        browser.Driver.FindElement(By.Id("page-previous")).Click();
        page.WaitForCallsStatus("2026-03-02: 50 of 50 calls on page 1");
        Assert.False(browser.Driver.FindElement(By.Id("page-previous")).Enabled, "no page before the first one");
        _output.WriteLine("screenshot: " + browser.SaveScreenshot("7-history-past-day"));

        // One call's view highlights its errors, and a transfer.
        page.OpenCall(prefix + "49");
        Assert.Contains("the carrier answered 503 Service Unavailable", browser.WaitFor(d => d.FindElement(By.Id("call-errors")), ConsolePage.Quick, "the errors box").Text);
        page.Script($"location.hash = '#/call/{prefix}48';");
        Assert.Equal("The caller was transferred to a human.", browser.WaitFor(d => d.FindElement(By.Id("transfer-note")), ConsolePage.Quick, "the transfer note").Text);
    }

    [SkippableFact]
    public void Keyboard_alone_signs_in_and_moves_between_sections_and_text_meets_WCAG_AA_contrast()
    {
        var (browser, page) = (_fixture.Browser, new ConsolePage(_fixture.Browser, _fixture.ControlPlane.BaseUrl));
        page.Open();

        // The first Tab stop is the skip link; Tab goes on to the key field, Enter signs in.
        Assert.Equal("skip", page.TabUntilFocused(e => e.GetAttribute("class") == "skip", "the skip link").GetAttribute("class"));
        page.TabUntilFocused(e => e.GetAttribute("id") == "api-key", "the key field").SendKeys(_fixture.ApiKey + Keys.Enter);
        browser.WaitFor(d => d.FindElement(By.Id("calls-table")), ConsolePage.Quick, "the calls list after signing in from the keyboard");
        page.TabUntilFocused(e => e.Text == "Health", "the Health link").SendKeys(Keys.Enter);
        browser.WaitFor(d => d.FindElement(By.Id("alerts")), ConsolePage.Quick, "the health view opened from the keyboard");
        Assert.Empty(page.TextBelowContrast(4.5));
        // The check sees what it must: a pale grey line on the page's background (about 1.5:1) is reported.
        page.Script("const p = document.createElement('p'); p.id = 'pale'; p.style.color = '#cccccc'; p.textContent = 'pale text'; document.getElementById('main').append(p);");
        Assert.Contains(page.TextBelowContrast(4.5), t => t.StartsWith("p \"pale text\"", StringComparison.Ordinal));
        page.Script("document.getElementById('pale').remove();");
        page.TabUntilFocused(e => e.Text == "Calls", "the Calls link").SendKeys(Keys.Enter);
        browser.WaitFor(d => d.FindElement(By.Id("calls-table")), ConsolePage.Quick, "the calls list opened from the keyboard");
        Assert.Empty(page.TextBelowContrast(4.5));
    }

    [SkippableFact]
    public async Task Health_view_says_no_check_has_run_then_shows_a_failing_check_and_the_alert_it_sent()
    {
        var (browser, controlPlane) = (_fixture.Browser, _fixture.ControlPlane);
        var page = new ConsolePage(browser, controlPlane.BaseUrl);
        page.Open();
        page.SignInAndWaitForCalls(_fixture.ApiKey);
        page.OpenHealth();

        var status = browser.WaitFor(d => d.FindElement(By.Id("health-status")).Text, ConsolePage.Quick, "the health state");
        Assert.Equal("unknown", status);
        Assert.Contains("no health check has run yet", browser.Driver.FindElement(By.Id("health")).Text);
        Assert.Equal("No alert has been sent.", browser.Driver.FindElement(By.Id("alerts-none")).Text);

        // The HealthCheck timer's work, once (the fixture's timers are off): LiveKit's URL is a closed loopback port,
        // so LiveKit is down, which alerts; the alert webhook is a closed port too, so the alert is not delivered.
        await controlPlane.Services.GetRequiredService<HealthMonitor>().RunAsync(CancellationToken.None).DefaultTimeout();
        page.OpenCalls();
        page.OpenHealth();

        browser.WaitFor(d => d.FindElement(By.Id("health-status")).Text == "down", ConsolePage.Quick, "the failing check");
        var alert = browser.WaitFor(d => d.FindElements(By.CssSelector("#alert-list li")).FirstOrDefault(), ConsolePage.Quick, "the alert");
        _output.WriteLine("screenshot: " + browser.SaveScreenshot("6-health-alert"));
        Assert.Equal(("alert", "Critical", "Failed"), (alert.GetAttribute("data-kind"), alert.GetAttribute("data-severity"), alert.GetAttribute("data-delivery")));
        Assert.Contains("livekit", alert.FindElement(By.CssSelector(".alert-checks")).Text);
        Assert.StartsWith("livekit down:", alert.FindElement(By.CssSelector(".alert-message")).Text);
        Assert.Equal("failed: no answer from the webhook: ConnectionError", alert.FindElement(By.CssSelector(".alert-delivery")).Text);
        Assert.DoesNotContain(ConsoleFixture.AlertWebhookSecretPart, browser.Driver.PageSource);
    }

    [SkippableFact]
    public async Task Demo_call_is_followed_live_in_the_console_then_shows_its_outcome_turns_latency_bars_transcript_and_timeline()
    {
        var (controlPlane, browser, apiKey) = (_fixture.ControlPlane, _fixture.Browser, _fixture.ApiKey);
        // The demo dialog has no goodbye or operator intent, so a misheard word cannot end the call early.
        // The stage deadline is raised from 10 s: on a loaded machine the local recognizer has overrun it, and a turn that
        // ends in the fallback phrase has no STT or TTS figures for the bars this test is about.
        var dialog = new Dictionary<string, string>
        {
            ["AiLoop__Providers__DialogScriptPath"] = Path.Combine(AppContext.BaseDirectory, "demo-dialog.yaml"),
            ["AiLoop__ProviderTimeoutSeconds"] = "30",
        };
        await using var mediaHost = await SystemMediaHost.StartAsync(controlPlane.BaseUrl, controlPlane.EventsSecret, dialog);
        var page = new ConsolePage(browser, controlPlane.BaseUrl);
        page.Open();
        page.SignInAndWaitForCalls(apiKey);
        // Set once on the loaded page: still there at the end means the page was never reloaded.
        page.Script("window.consoleTestLoad = 'first';");
        Assert.Equal("No call in progress.", browser.Driver.FindElement(By.Id("live-calls")).Text);

        using var caller = await DemoCaller.StartAsync(mediaHost.SipEndpoint, "What are your opening hours?", leadSeconds: 4, callMilliseconds: 20000, wideband: true);

        // Live: the call appears in "Live now" by itself, and its view shows the greeting while the call goes on.
        var callId = page.WaitForLiveCall(TimeSpan.FromSeconds(25));
        _output.WriteLine("screenshot: " + browser.SaveScreenshot("1-live-list"));
        page.OpenCall(callId);
        // The greeting may be cut short (the caller's line noise counts as barge-in), so only its start is certain.
        browser.WaitFor(d => page.TranscriptLines("agent").FirstOrDefault()?.StartsWith("Agent Hello", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(15), "the greeting in the transcript");
        Assert.Equal("live", page.CallOutcomeBadge());
        Assert.Equal("inbound", browser.Driver.FindElement(By.Id("call-direction")).Text);
        _output.WriteLine("screenshot: " + browser.SaveScreenshot("2-call-live"));

        // Afterwards: the same view turns to the finalized call, without a reload.
        var (exitCode, sippOutput) = await caller.WaitAsync();
        Assert.True(exitCode == 0, "sipp failed:\n" + sippOutput);
        page.WaitForCallOutcome(o => o != "live", TimeSpan.FromSeconds(30), "the call's end");
        Assert.Equal("completed", page.CallOutcomeBadge());
        Assert.Equal("first", page.Script("return window.consoleTestLoad;"));

        var bars = page.LatencyBars();
        Assert.True(bars.Count >= 1, "no latency bar; page:\n" + browser.BodyText());
        var stages = bars.SelectMany(b => b.FindElements(By.CssSelector(".segment"))).Select(s => s.GetAttribute("data-stage")).ToHashSet();
        Assert.True(stages.IsSupersetOf(["stt", "tts"]), "stages shown: " + string.Join(", ", stages) + "; page:\n" + browser.BodyText());
        Assert.True(page.TranscriptLines("caller").Count >= 1, "the caller's words are not in the transcript:\n" + browser.BodyText());
        var timeline = page.TimelineRows();
        Assert.Contains(("Sip", "INVITE received"), timeline);
        Assert.Contains(timeline, r => r.Source == "Orchestration" && r.What == "finalize");
        Assert.Contains(timeline, r => r.Source == "Turn");
        Assert.Equal("This call was not recorded.", browser.Driver.FindElement(By.Id("recording")).Text);
        // The MediaHost's end-of-call quality report, per direction (sipp sends no RTCP: the caller's side has no MOS).
        var quality = browser.Driver.FindElement(By.Id("media-quality"));
        Assert.StartsWith("G722/8000, end of call", quality.Text);
        var mos = browser.Driver.FindElement(By.Id("quality-from-caller")).GetAttribute("data-mos") ?? "";
        Assert.True(double.Parse(mos, global::System.Globalization.CultureInfo.InvariantCulture) >= 4.0, "media quality shown:\n" + quality.Text);
        Assert.Contains("MOS unknown", browser.Driver.FindElement(By.Id("quality-to-caller")).Text);
        _output.WriteLine("screenshot: " + browser.SaveScreenshot("3-call-ended"));

        // The history lists it as completed, the live list is empty again, and the caller's number is masked.
        page.BackToCalls();
        var row = page.HistoryRow(callId);
        Assert.Equal("Completed", row.GetAttribute("data-outcome"));
        Assert.Contains("+1555", row.Text);
        Assert.DoesNotContain("+15552223333", row.Text);
        browser.WaitFor(d => d.FindElement(By.Id("live-calls")).Text == "No call in progress.", ConsolePage.Quick, "the live list emptied");
        _output.WriteLine("screenshot: " + browser.SaveScreenshot("4-history"));
        // The outcome filter: a completed call is not among the failed ones, and is among the completed ones.
        page.FilterByOutcome("Failed");
        browser.WaitFor(d => d.FindElements(By.CssSelector($"#calls-table tr[data-call-id='{callId}']")).Count == 0, ConsolePage.Quick, "the call hidden by the Failed filter");
        page.FilterByOutcome("Completed");
        page.HistoryRow(callId);
        // The direction, as text: the demo caller dialled in; the Outbound filter hides the call, the Inbound one shows it.
        Assert.Equal("inbound", page.HistoryDirection(callId));
        page.FilterByDirection("Outbound");
        browser.WaitFor(d => d.FindElements(By.CssSelector($"#calls-table tr[data-call-id='{callId}']")).Count == 0, ConsolePage.Quick, "the call hidden by the Outbound filter");
        page.FilterByDirection("Inbound");
        page.HistoryRow(callId);

        // Nothing secret reached the page: the key is in no URL and no part of the document.
        Assert.DoesNotContain(apiKey, browser.Driver.Url);
        Assert.DoesNotContain(apiKey, browser.Driver.PageSource);
        Assert.Equal(0L, page.Script("return localStorage.length;"));

        // On a phone's screen the call view fits its width (no sideways scrolling of the page).
        browser.Driver.Manage().Window.Size = new global::System.Drawing.Size(390, 844);
        page.OpenCall(callId);
        browser.WaitFor(d => d.FindElement(By.Id("timeline-table")), ConsolePage.Quick, "the call view on a phone screen");
        _output.WriteLine("screenshot: " + browser.SaveScreenshot("5-call-phone"));
        Assert.True(page.Script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;") is true,
            "the call view is wider than a phone's screen; too wide: " + page.Script(
                "return [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth)" +
                ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ');"));
    }
}
