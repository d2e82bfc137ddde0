using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Console.Tests;

/// <summary>
/// Debian's headless Chromium driven through Debian's chromedriver (Selenium WebDriver). Both are found on PATH
/// (RequiredTool: skipped locally when missing, a failure in CI); nothing is downloaded. The browser starts with a
/// new empty profile and no background networking, so it talks only to the page's loopback origin.
/// </summary>
internal sealed class ChromiumBrowser : IDisposable
{
    private readonly string _profile;

    private ChromiumBrowser(ChromeDriver driver, string profile)
    {
        Driver = driver;
        _profile = profile;
    }

    public ChromeDriver Driver { get; }

    /// <summary>Where the screenshots go: under the test output, one folder per run of the test assembly.</summary>
    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "console-screenshots")).FullName;

    public static ChromiumBrowser Start()
    {
        var chromium = RequiredTool.Command("chromium", "the Debian package chromium (scripts/install-test-deps.sh)");
        var chromedriver = RequiredTool.Command("chromedriver", "the Debian package chromium-driver (scripts/install-test-deps.sh)");
        var profile = Directory.CreateTempSubdirectory("console-chromium-").FullName;
        var options = new ChromeOptions { BinaryLocation = chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
            "--window-size=1280,1000", "--user-data-dir=" + profile);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(chromedriver)!, Path.GetFileName(chromedriver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        return new ChromiumBrowser(new ChromeDriver(service, options, TimeSpan.FromSeconds(60)), profile);
    }

    /// <summary>Waits until <paramref name="condition"/> returns a value (not null, not false); fails with <paramref name="what"/> and the page's text.</summary>
    public T WaitFor<T>(Func<IWebDriver, T?> condition, TimeSpan timeout, string what)
    {
        var wait = new WebDriverWait(Driver, timeout) { PollingInterval = TimeSpan.FromMilliseconds(100) };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        try
        {
            return wait.Until(condition)!;
        }
        catch (WebDriverTimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"{what}: not within {timeout}. The page showed:\n{BodyText()}");
        }
    }

    public string BodyText()
    {
        try
        {
            return Driver.FindElement(By.TagName("body")).Text;
        }
        catch (WebDriverException e)
        {
            return "(unreadable: " + e.Message + ")";
        }
    }

    /// <summary>Headers Chromium adds to every request from now on (DevTools' Network.setExtraHTTPHeaders); empty removes them.</summary>
    public void SetExtraHeaders(IReadOnlyDictionary<string, string> headers)
    {
        Driver.ExecuteCdpCommand("Network.enable", new Dictionary<string, object?>());
        Driver.ExecuteCdpCommand("Network.setExtraHTTPHeaders", new Dictionary<string, object?> { ["headers"] = headers.ToDictionary(h => h.Key, h => (object)h.Value) });
    }

    public string SaveScreenshot(string name)
    {
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be closing its files; the temp folder is cleaned later.
        }
    }
}
