using Edge.Testing;
using Microsoft.Playwright;

namespace Edge.Agent.Tests.Support;

/// <summary>
/// A real headless browser on one page, as an operator would open the agent's: Debian's <c>chromium</c> (installed by
/// scripts/setup.sh; Playwright's own browser download is not used) driven by Playwright at 1280 x 900. Screenshots go
/// to TestResults/screenshots, kept with the test results.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    public static readonly string Screenshots = RepositoryRoot.Combine("TestResults", "screenshots");

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserPage(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    public static async Task<BrowserPage> OpenAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: run scripts/setup.sh, which installs Debian's chromium for the browser tests");
        }
        var playwright = await Playwright.CreateAsync();
        // No sandbox: CI runs the tests as root, where Chromium's sandbox refuses to start; the page is the agent's own.
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        return new BrowserPage(playwright, browser, page);
    }

    /// <summary>Opens <paramref name="url"/>, trying again while the agent is not listening yet.</summary>
    public async Task GotoEventuallyAsync(Uri url, TimeSpan patience)
    {
        ArgumentNullException.ThrowIfNull(url);
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            try
            {
                var response = await Page.GotoAsync(url.ToString());
                if (response is { Ok: true })
                {
                    return;
                }
            }
            catch (PlaywrightException) when (DateTime.UtcNow < deadline)
            {
                // Connection refused: the endpoint starts with the agent.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{url} did not answer 200 within {patience.TotalSeconds} s");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>The whole page as TestResults/screenshots/<paramref name="name"/>.png; returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(Screenshots);
        var path = Path.Combine(Screenshots, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>Waits until the image <paramref name="selector"/> finds is loaded and decoded (a broken or missing picture has no natural width); returns that width.</summary>
    public async Task<int> WaitForPictureAsync(string selector, TimeSpan timeout)
    {
        var width = await Page.WaitForFunctionAsync(
            "selector => { const img = document.querySelector(selector); return img && img.complete && img.naturalWidth > 0 ? img.naturalWidth : 0; }",
            selector, new PageWaitForFunctionOptions { Timeout = (float)timeout.TotalMilliseconds });
        return await width.JsonValueAsync<int>();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
