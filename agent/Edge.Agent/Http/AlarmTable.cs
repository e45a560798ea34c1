using System.Globalization;
using System.Text;
using Edge.Detection;

using static Edge.Agent.Http.PageShell;

namespace Edge.Agent.Http;

/// <summary>
/// The recent alarms on the status page: one row per alarm, newest first, with its picture (opening the alarm's own
/// page), camera, start, whether it is still open, and its peak as a normalized score; filterable by camera and paged.
/// </summary>
internal static class AlarmTable
{
    public const int PageSize = 10;

    public static void Render(StringBuilder html, LiveView live, IReadOnlyList<string> cameras, string? camera, int page)
    {
        var alarms = live.Alarms(camera, page, PageSize);
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"alarms\"><h2>Alarms <small>({alarms.Total})</small></h2><p class=\"filter\">");
        html.Append(CultureInfo.InvariantCulture, $"<a href=\"/\"{(camera is null ? " class=\"current\"" : "")}>all cameras</a>");
        foreach (var name in cameras)
        {
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"{Link(name, 1)}\"{(camera == name ? " class=\"current\"" : "")}>{E(name)}</a>");
        }
        html.Append("</p><table><tr><th>picture</th><th>camera</th><th>started</th><th>state</th><th>peak</th><th>id</th></tr>");
        foreach (var alarm in alarms.Alarms)
        {
            var latest = alarm.Latest;
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"alarm-row\" data-id=\"{latest.Id:D}\"><td><a href=\"{AlarmPicture.PagePath(latest.Id)}\">");
            AlarmPicture.Render(html, alarm, "thumb");
            html.Append(CultureInfo.InvariantCulture, $"</a></td><td>{E(latest.Camera)}</td><td>{latest.StartedUtc:yyyy-MM-dd HH:mm:ss}Z</td><td>{State(alarm)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td title=\"raw {latest.PeakScore:G4} / {latest.Threshold:G4}\">{NormalizedScore.Of(latest.PeakScore, latest.Threshold):F2}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td><a href=\"{AlarmPicture.PagePath(latest.Id)}\">{latest.Id:D}</a></td></tr>");
        }
        html.Append("</table>");
        if (alarms.PageCount > 1)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"pager\">page {alarms.Page} of {alarms.PageCount} ");
            if (alarms.Page > 1)
            {
                html.Append(CultureInfo.InvariantCulture, $"<a href=\"{Link(camera, alarms.Page - 1)}\">newer</a>");
            }
            if (alarms.Page < alarms.PageCount)
            {
                html.Append(CultureInfo.InvariantCulture, $"<a href=\"{Link(camera, alarms.Page + 1)}\">older</a>");
            }
            html.Append("</p>");
        }
        html.Append("</section>");
    }

    /// <summary>"open", or "ended after 12 s".</summary>
    public static string State(AlarmEntry alarm) => alarm.Open
        ? "<span class=\"open\">open</span>"
        : string.Create(CultureInfo.InvariantCulture, $"ended after {(alarm.Latest.TimeUtc - alarm.Latest.StartedUtc).TotalSeconds:0.#} s");

    private static string Link(string? camera, int page) =>
        "/?" + (camera is null ? "" : "camera=" + Uri.EscapeDataString(camera) + "&amp;") + string.Create(CultureInfo.InvariantCulture, $"page={page}");
}
