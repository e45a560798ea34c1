using System.Globalization;
using System.Text;

namespace Edge.Agent.Http;

/// <summary>
/// A camera's score history as a small inline SVG: the normalized score over the last minutes, the threshold as a
/// line, and the stretches with an open alarm shaded. The scale is fixed, 0 to <see cref="Top"/> with the threshold at
/// half height, so every camera's chart reads alike whatever its model; higher scores are drawn at the top edge.
/// </summary>
public static class ScoreChart
{
    public const double Top = 2.0;

    private const int Width = 300;
    private const int Height = 80;

    /// <summary>Points further apart than this are not joined: the camera delivered nothing in between.</summary>
    private static readonly TimeSpan Gap = TimeSpan.FromSeconds(3);

    public static string Svg(string camera, IReadOnlyList<ScorePoint> points, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(points);
        var start = nowUtc - LiveView.HistoryWindow;
        double X(DateTime t) => Math.Clamp((t - start) / LiveView.HistoryWindow, 0, 1) * Width;
        static double Y(double normalized) => Height - (Math.Clamp(normalized, 0, Top) / Top * Height);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(camera)}: score over the last {LiveView.HistoryWindow.TotalMinutes:0} minutes\">");
        foreach (var (from, to) in AlarmStretches(points))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"stretch\" x=\"{X(from):0.#}\" y=\"0\" width=\"{Math.Max(X(to) - X(from), 1):0.#}\" height=\"{Height}\"/>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"threshold\" x1=\"0\" x2=\"{Width}\" y1=\"{Y(1):0.#}\" y2=\"{Y(1):0.#}\"/>");
        if (points.Count > 0)
        {
            svg.Append("<path class=\"score\" d=\"");
            for (var i = 0; i < points.Count; i++)
            {
                var joined = i > 0 && points[i].TimeUtc - points[i - 1].TimeUtc <= Gap;
                svg.Append(CultureInfo.InvariantCulture, $"{(joined ? 'L' : 'M')}{X(points[i].TimeUtc):0.#} {Y(points[i].Normalized):0.#}");
            }
            svg.Append("\"/>");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>From the first to the last point of each run of points with an open alarm.</summary>
    private static IEnumerable<(DateTime From, DateTime To)> AlarmStretches(IReadOnlyList<ScorePoint> points)
    {
        DateTime? from = null;
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Alarming)
            {
                from ??= points[i].TimeUtc;
                if (i == points.Count - 1 || !points[i + 1].Alarming)
                {
                    yield return (from.Value, points[i].TimeUtc);
                    from = null;
                }
            }
        }
    }
}
