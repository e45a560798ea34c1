using System.Globalization;
using System.Text;
using Edge.Detection;

using static Edge.Agent.Http.PageShell;

namespace Edge.Agent.Http;

/// <summary>One alarm's own page: its full snapshot with the box, and what it was, in words and numbers.</summary>
internal static class AlarmDetailPage
{
    public static string Render(AlarmEntry alarm)
    {
        var latest = alarm.Latest;
        var html = new StringBuilder();
        PageShell.Open(html, $"alarm {latest.Camera}");
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"/\">&larr; status</a></p><h1>Alarm on {E(latest.Camera)}</h1><p>");
        AlarmPicture.Render(html, alarm, "full");
        html.Append("</p><table>")
            .Append(CultureInfo.InvariantCulture, $"<tr><th>started</th><td>{latest.StartedUtc:yyyy-MM-dd HH:mm:ss.fff}Z</td></tr>")
            .Append(CultureInfo.InvariantCulture, $"<tr><th>state</th><td>{AlarmTable.State(alarm)}</td></tr>")
            .Append(CultureInfo.InvariantCulture, $"<tr><th>peak score</th><td>{NormalizedScore.Of(latest.PeakScore, latest.Threshold):F2} (1.00 = alarm threshold; raw {latest.PeakScore:G6} / {latest.Threshold:G6})</td></tr>")
            .Append(CultureInfo.InvariantCulture, $"<tr><th>model</th><td>{E(latest.ModelVersion)}</td></tr>")
            .Append(CultureInfo.InvariantCulture, $"<tr><th>id</th><td>{latest.Id:D}</td></tr></table>");
        return PageShell.Close(html);
    }
}
