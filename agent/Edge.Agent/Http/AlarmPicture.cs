using System.Globalization;
using System.Net;
using System.Text;

namespace Edge.Agent.Http;

/// <summary>An alarm's snapshot (heatmap over the frame) with its box drawn over it in the page, so the JPEG on disk stays as subscribers get it.</summary>
internal static class AlarmPicture
{
    public static string SnapshotPath(Guid id) => $"/alarms/{id:D}/snapshot.jpg";

    public static string PagePath(Guid id) => $"/alarms/{id:D}";

    /// <param name="size">CSS class: <c>thumb</c> in the table, <c>full</c> on the alarm's own page.</param>
    public static void Render(StringBuilder html, AlarmEntry alarm, string size)
    {
        if (alarm.Snapshot is null)
        {
            html.Append("no picture");
            return;
        }
        var alt = WebUtility.HtmlEncode($"{alarm.Latest.Camera}: the alarm's highest frame with its heatmap");
        html.Append(CultureInfo.InvariantCulture, $"<span class=\"picture {size}\"><img src=\"{SnapshotPath(alarm.Latest.Id)}\" alt=\"{alt}\" loading=\"lazy\">");
        var box = alarm.Box;
        if (alarm.FrameWidth > 0 && alarm.FrameHeight > 0 && box.Width > 0 && box.Height > 0)
        {
            double Share(int part, int whole) => 100.0 * part / whole;
            html.Append(CultureInfo.InvariantCulture,
                $"<i class=\"box\" style=\"left:{Share(box.X, alarm.FrameWidth):0.##}%;top:{Share(box.Y, alarm.FrameHeight):0.##}%;width:{Share(box.Width, alarm.FrameWidth):0.##}%;height:{Share(box.Height, alarm.FrameHeight):0.##}%\"></i>");
        }
        html.Append("</span>");
    }
}
