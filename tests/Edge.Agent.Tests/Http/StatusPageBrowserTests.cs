using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Edge.Agent.Tests.Pipeline;
using Edge.Agent.Tests.Support;
using Edge.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Edge.Agent.Tests.Http;

/// <summary>
/// The status page in a real browser (Debian's chromium through Playwright) against the real agent process scoring
/// real ffmpeg cameras with a real bundle, alarming through a real broker. Screenshots land in TestResults/screenshots.
/// </summary>
[Collection(TrainedBundleCollection.Name)]
public sealed partial class StatusPageBrowserTests(TrainedBundle bundle) : BrokerTest
{
    /// <summary>The page refreshes its live parts every two seconds: an alarm shows within this of reaching the broker.</summary>
    private static readonly TimeSpan FewSeconds = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task The_page_charts_the_scores_and_shows_an_alarm_raised_by_a_real_clip_with_its_picture_within_seconds()
    {
        // Ten seconds of the normal scene first: time for the agent to start and the page to show the camera fine.
        var defective = DefectClip.Make(Folder, bundle, normalFrames: 100, defectFrames: 30, name: "defective");
        var normal = DefectClip.Make(Folder, bundle, normalFrames: 100, defectFrames: 0, name: "normal");
        var port = FreePort.Pick();
        var config = AgentConfigFile.Write(Folder, Broker.Port, cameras: $$"""
            [ { "name": "line1", "ffmpeg": "-re -i {{defective}}", "health": false, "threshold": {{Threshold}} },
              { "name": "line2", "ffmpeg": "-re -stream_loop -1 -i {{normal}}", "health": false, "threshold": {{Threshold}} } ]
            """, model: bundle.Folder, alarms: """{ "holdSeconds": 0.5, "cooldownSeconds": 0, "hysteresis": 0.05 }""", httpPort: port);
        using var alarms = Broker.Subscribe("edge/plant1/box1/alarms/line1");
        using var agent = AgentProcess.Start(["run", "--config", config]);
        await using var browser = await BrowserPage.OpenAsync();
        var page = browser.Page;

        await browser.GotoEventuallyAsync(new Uri($"http://127.0.0.1:{port}/"), Patience);
        var line1 = page.Locator(".camera[data-camera=line1]");
        await Expect(line1.Locator("svg.chart path.score")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(line1).ToHaveClassAsync(OkLook());
        await browser.WaitForPictureAsync(".camera[data-camera=line1] img.latest", FewSeconds);
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        var start = alarms.WaitUntil(m => m.Any(x => Event(x.Payload) == "start"), TimeSpan.FromSeconds(60))
            .Select(m => JsonDocument.Parse(m.Payload).RootElement).First(j => j.GetProperty("event").GetString() == "start");
        var id = start.GetProperty("id").GetString()!;
        var row = page.Locator($"tr.alarm-row[data-id='{id}']");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = (float)FewSeconds.TotalMilliseconds });
        var thumbnail = await browser.WaitForPictureAsync($"tr.alarm-row[data-id='{id}'] img", FewSeconds);
        await Expect(row.Locator("i.box")).ToHaveCountAsync(1);
        await Expect(line1.Locator("svg.chart rect.stretch")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Expect(page.Locator(".camera[data-camera=line2]")).ToHaveClassAsync(OkLook());
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page reloaded instead of updating itself");
        await browser.ScreenshotAsync("status-page");

        await row.Locator("a").First.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Alarm on line1");
        var full = await browser.WaitForPictureAsync(".picture.full img", FewSeconds);
        await browser.ScreenshotAsync("alarm-page");
        agent.Terminate();
        agent.WaitForExit(Patience);

        Assert.Equal(TrainedBundle.Size, thumbnail);
        Assert.Equal(TrainedBundle.Size, full);
        Assert.True(start.GetProperty("normalizedScore").GetDouble() > 1, $"an alarm's normalized score is over 1: {start}");
    }

    [Fact]
    public async Task A_camera_that_cannot_be_opened_shows_as_trouble_with_its_reason()
    {
        var normal = DefectClip.Make(Folder, bundle, normalFrames: 50, defectFrames: 0, name: "normal");
        var port = FreePort.Pick();
        var missing = Folder.File("unplugged.mkv");
        var config = AgentConfigFile.Write(Folder, Broker.Port, cameras: $$"""
            [ { "name": "line1", "ffmpeg": "-re -stream_loop -1 -i {{normal}}", "health": false, "threshold": {{Threshold}} },
              { "name": "dock", "ffmpeg": "-i {{missing}}", "health": false, "threshold": {{Threshold}} } ]
            """, model: bundle.Folder, httpPort: port);
        using var agent = AgentProcess.Start(["run", "--config", config]);
        await using var browser = await BrowserPage.OpenAsync();
        var page = browser.Page;

        await browser.GotoEventuallyAsync(new Uri($"http://127.0.0.1:{port}/"), Patience);
        var dock = page.Locator(".camera[data-camera=dock]");
        await Expect(dock).ToHaveClassAsync(TroubleLook(), new() { Timeout = 20_000 });
        await Expect(dock.Locator(".reason")).ToContainTextAsync("unplugged.mkv", new() { Timeout = 20_000 });
        await Expect(page.Locator(".camera[data-camera=line1]")).ToHaveClassAsync(OkLook(), new() { Timeout = 20_000 });
        await browser.ScreenshotAsync("broken-camera");
        var badge = await dock.Locator(".badge").TextContentAsync();
        agent.Terminate();
        agent.WaitForExit(Patience);

        Assert.Contains(badge, new[] { "reconnecting", "stalled", "failed", "starting" });
    }

    private string Threshold => bundle.Threshold.ToString("R", CultureInfo.InvariantCulture);

    private static string? Event(string payload) => JsonDocument.Parse(payload).RootElement.GetProperty("event").GetString();

    [GeneratedRegex(@"\bok\b")]
    private static partial Regex OkLook();

    [GeneratedRegex(@"\btrouble\b")]
    private static partial Regex TroubleLook();
}
