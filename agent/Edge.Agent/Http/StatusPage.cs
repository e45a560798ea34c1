using System.Globalization;
using System.Text;
using Edge.Agent.Health;
using Edge.Detection;
using Edge.Fleet;

using static Edge.Agent.Http.PageShell;

namespace Edge.Agent.Http;

/// <summary>
/// The local page: the agent in one line (ready, model once, update, outbox), every camera as a card coloured by how it
/// is (<see cref="CameraLook"/>) with its latest frame, normalized score and score chart, and the recent alarms with
/// their pictures (<see cref="AlarmTable"/>). Server-rendered; <c>status.js</c> replaces the live parts every two seconds.
/// </summary>
public static class StatusPage
{
    /// <param name="update">The model updater's state, null when there is none.</param>
    /// <param name="ready">Whether cameras and model are up.</param>
    /// <param name="camera">Show only this camera's alarms; all when null.</param>
    /// <param name="page">Which page of alarms, from 1.</param>
    public static string Render(HealthReport report, ModelState? update, bool ready, LiveView live, string site, string device, string? camera = null, int page = 1)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(live);
        var html = new StringBuilder();
        PageShell.Open(html, $"{site} / {device}");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(site)} / {E(device)}</h1>");
        Summary(html, report, update, ready);
        html.Append("<main id=\"live\"><section class=\"cameras\">");
        var scores = live.Scores;
        var now = DateTime.UtcNow;
        foreach (var (name, health) in report.Cameras.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var look = CameraLook.Of(health.State, health.Faults, live.Alarming(name));
            html.Append(CultureInfo.InvariantCulture, $"<article class=\"camera {look.Look}\" data-camera=\"{E(name)}\"><h2>{E(name)} <span class=\"badge\">{E(look.State)}</span></h2>");
            if (look.Reason.Length > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"reason\">{E(look.Reason)}</p>");
            }
            if (scores.TryGetValue(name, out var s))
            {
                var normalized = NormalizedScore.Of(s.Score, s.Threshold);
                html.Append(CultureInfo.InvariantCulture, $"<img class=\"latest\" src=\"/cameras/{Uri.EscapeDataString(name)}/latest.jpg?t={s.TimeUtc.Ticks}\" alt=\"{E(name)}: latest frame with its heatmap\">")
                    .Append(CultureInfo.InvariantCulture, $"<p class=\"score\"><span class=\"value{(normalized > 1 ? " over" : "")}\">{normalized:F2}</span> score, 1.00 = alarm threshold")
                    .Append(CultureInfo.InvariantCulture, $" <small title=\"raw score / calibrated threshold\">raw {s.Score:G4} / {s.Threshold:G4} &middot; {health.Fps:F1} fps</small></p>")
                    .Append(ScoreChart.Svg(name, live.History(name), now));
            }
            else
            {
                html.Append("<p class=\"score\">no scored frame yet</p>");
            }
            html.Append("</article>");
        }
        html.Append("</section>");
        AlarmTable.Render(html, live, report.Cameras.Keys.Order(StringComparer.Ordinal).ToList(), camera, page);
        html.Append("</main>");
        return PageShell.Close(html);
    }

    /// <summary>Said once for the whole agent: its state, the model and where it runs, the update in progress and the outbox.</summary>
    private static void Summary(StringBuilder html, HealthReport report, ModelState? update, bool ready)
    {
        var updating = update is not null && !ModelStates.IsFinal(update.State);
        var updateLook = update?.State is ModelStates.Failed or ModelStates.RolledBack ? "alarm" : updating ? "trouble" : "ok";
        var updateText = update is null ? "none" : update.State + (update.Target is { } target && target != update.Active ? $" {target}" : "");
        html.Append(CultureInfo.InvariantCulture, $"<p id=\"summary\" class=\"summary\"><span class=\"{(ready ? "ok" : "trouble")}\">{(ready ? "ready" : "starting")}</span>")
            .Append(CultureInfo.InvariantCulture, $" &middot; model <b>{E(report.ModelVersion ?? "none")}</b> on {E(report.ExecutionProvider ?? "-")}")
            .Append(CultureInfo.InvariantCulture, $" &middot; update <span class=\"{updateLook}\" title=\"{E(update?.Reason ?? "")}\">{E(updateText)}</span>")
            .Append(CultureInfo.InvariantCulture, $" &middot; outbox <span class=\"{(report.OutboxDepth == 0 ? "ok" : "trouble")}\">{report.OutboxDepth}</span>")
            .Append(CultureInfo.InvariantCulture, $" &middot; {report.Fps:F1} fps</p>");
    }
}
