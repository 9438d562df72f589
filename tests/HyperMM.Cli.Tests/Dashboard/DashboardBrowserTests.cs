using HyperMM.Cli.Dashboard;
using HyperMM.Cli.Tests.Reports;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace HyperMM.Cli.Tests.Dashboard;

/// <summary>
/// Drives the dashboard in headless Chromium (Debian's chromium + chromium-driver; .ci/run installs them when
/// missing) through WebDriver: the page loads with no console errors, shows the three strategies, and a fill
/// written to the journal appears on the page within 2 s (the acceptance check).
/// </summary>
public sealed class DashboardBrowserTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriver = "/usr/bin/chromedriver";

    private readonly TestJournal _journal = new();

    public DashboardBrowserTests() => DemoJournal.Write(_journal);

    public void Dispose() => _journal.Dispose();

    /// <summary>Where the test leaves its screenshot (docs/dashboard.png is a copy of it).</summary>
    public static string ScreenshotPath => Path.Combine(Path.GetTempPath(), "hypermm-dashboard.png");

    private static ChromeDriver StartBrowser()
    {
        Assert.True(File.Exists(Chromium) && File.Exists(ChromeDriver), $"{Chromium} and {ChromeDriver} are needed: apt-get install -y chromium chromium-driver");
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1500,1400", "--force-device-scale-factor=1");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Page_ShowsThreeStrategies_WithoutConsoleErrors_AndANewFillWithinTwoSeconds()
    {
        await using var dashboard = await DashboardServer.StartAsync(_journal.Path_, 0, CancellationToken.None);
        using var driver = StartBrowser();
        driver.Navigate().GoToUrl(dashboard.Url);

        var load = new WebDriverWait(driver, TimeSpan.FromSeconds(20)); // page start-up under a loaded CI box
        load.Until(d => d.FindElements(By.CssSelector("#strategies tbody tr")).Count == 3);
        var names = driver.FindElements(By.CssSelector("#strategies tbody tr")).Select(r => r.GetAttribute("data-strategy")).ToList();
        Assert.Equal(["mm_btc_perp", "mm_eth_perp", "mm_hype_perp"], names);
        Assert.Equal(3, driver.FindElements(By.CssSelector("#cards section.card")).Count);
        Assert.Equal("live", driver.FindElement(By.Id("status")).Text);

        string FillCount() => driver.FindElement(By.CssSelector("tr[data-strategy='mm_eth_perp'] td.fills")).Text;
        var before = long.Parse(FillCount(), System.Globalization.CultureInfo.InvariantCulture);

        // A new fill lands in the journal (as the engine's writer would put it there).
        _journal.Fill("mm_eth_perp", "ETH", 987_654, DemoJournal.Seconds + 5, "B", 2999.5m, 0.01m, 0.0045m, 3000m, 0.01m);
        var appear = new WebDriverWait(driver, TimeSpan.FromSeconds(2)) { PollingInterval = TimeSpan.FromMilliseconds(50) };
        appear.Until(d => d.FindElements(By.CssSelector("section[data-strategy='mm_eth_perp'] li[data-tid='987654']")).Count == 1);
        Assert.Equal((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), FillCount());
        Assert.Contains("BUY 0.01 @ 2999.5", driver.FindElement(By.CssSelector("li[data-tid='987654']")).Text, StringComparison.Ordinal);

        var severe = driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level >= LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.Empty(severe);

        driver.GetScreenshot().SaveAsFile(ScreenshotPath);
        Assert.True(new FileInfo(ScreenshotPath).Length > 0);
    }
}
