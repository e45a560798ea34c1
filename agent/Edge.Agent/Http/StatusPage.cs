using System.Globalization;
using System.Net;
using System.Text;
using Edge.Agent.Health;

namespace Edge.Agent.Http;

/// <summary>The local page: every camera's latest frame with its heatmap and score, and the recent alarms. Self-contained, refreshes itself.</summary>
public static class StatusPage
{
    public static string Render(HealthReport report, LiveView live, string site, string device)
    {
        var scores = live.Scores;
        var html = new StringBuilder();
        html.Append("<!doctype html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"2\"><title>edge-agent</title>")
            .Append("<style>body{font-family:sans-serif;margin:1.5em}figure{display:inline-block;margin:0 1em 1em 0}img{width:320px;image-rendering:pixelated}")
            .Append("td,th{padding:2px 8px;text-align:left}.alarm{color:#b00}</style></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(site)} / {E(device)}</h1><p>{E(report.State)} &middot; {report.Fps:F1} fps &middot; model {E(report.ModelVersion ?? "none")} on {E(report.ExecutionProvider ?? "-")} &middot; outbox {report.OutboxDepth}</p>");
        foreach (var (name, camera) in report.Cameras.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var caption = scores.TryGetValue(name, out var s)
                ? string.Create(CultureInfo.InvariantCulture, $"score {s.Score:G4} / threshold {s.Threshold:G4}")
                : "no scored frame yet";
            var over = scores.TryGetValue(name, out var t) && t.Score > t.Threshold ? " class=\"alarm\"" : "";
            html.Append(CultureInfo.InvariantCulture,
                $"<figure><img src=\"/cameras/{Uri.EscapeDataString(name)}/latest.jpg\" alt=\"{E(name)}\"><figcaption><b>{E(name)}</b> {E(camera.State)} {camera.Fps:F1} fps <span{over}>{caption}</span></figcaption></figure>");
        }
        html.Append("<h2>Recent alarms</h2><table><tr><th>time</th><th>camera</th><th>event</th><th>score</th><th>threshold</th><th>id</th></tr>");
        foreach (var alarm in live.RecentAlarms)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{alarm.TimeUtc:yyyy-MM-dd HH:mm:ss.fff}Z</td><td>{E(alarm.Camera)}</td><td>{alarm.Kind.ToString().ToLowerInvariant()}</td><td>{alarm.Score:G4}</td><td>{alarm.Threshold:G4}</td><td>{alarm.Id}</td></tr>");
        }
        html.Append("</table></body></html>");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
