using System.Globalization;
using System.Net;
using System.Text;
using Edge.Trainer.Training;

namespace Edge.Trainer.Runs;

/// <summary>
/// The run's loss curves as one SVG picture (loss.svg): a panel per training phase, each loss term a line against
/// the step, on a log scale so the small terms stay visible beside the total.
/// </summary>
public static class LossCurve
{
    public const string File = "loss.svg";

    private const int PanelWidth = 480;
    private const int PanelHeight = 260;
    private const int Margin = 44;

    private static readonly (string Name, string Colour, Func<TrainingProgress, double> Value)[] Terms =
    [
        ("loss", "#000000", p => p.Loss),
        ("reconstruction", "#1f77b4", p => p.Reconstruction),
        ("vq", "#2ca02c", p => p.Vq),
        ("budget", "#d62728", p => p.Budget),
    ];

    public static string Render(IReadOnlyList<TrainingProgress> progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var phases = progress.GroupBy(p => p.Phase).ToList();
        var svg = new StringBuilder();
        var height = Math.Max(1, phases.Count) * (PanelHeight + Margin);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{PanelWidth + 2 * Margin}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"11\">");
        for (var i = 0; i < phases.Count; i++)
        {
            Panel(svg, phases[i].Key, phases[i].ToList(), Margin, i * (PanelHeight + Margin) + Margin / 2);
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    public static void Write(string runFolder, IReadOnlyList<TrainingProgress> progress) =>
        System.IO.File.WriteAllText(Path.Combine(runFolder, File), Render(progress));

    private static void Panel(StringBuilder svg, string phase, List<TrainingProgress> points, int left, int top)
    {
        var positive = points.SelectMany(p => Terms.Select(t => t.Value(p))).Where(v => v > 0 && double.IsFinite(v)).ToList();
        var (low, high) = positive.Count == 0 ? (1e-6, 1.0) : (Math.Log10(positive.Min()), Math.Log10(positive.Max()));
        if (high - low < 1e-9)
        {
            (low, high) = (low - 0.5, high + 0.5);
        }
        var maxStep = Math.Max(1, points.Max(p => p.Step));
        double X(int step) => left + (double)step / maxStep * PanelWidth;
        double Y(double value) => top + PanelHeight - (Math.Log10(value) - low) / (high - low) * PanelHeight;
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect x=\"{left}\" y=\"{top}\" width=\"{PanelWidth}\" height=\"{PanelHeight}\" fill=\"none\" stroke=\"#999\"/>" +
            $"<text x=\"{left}\" y=\"{top - 4}\">{WebUtility.HtmlEncode(phase)} (steps 0..{maxStep}; log scale {Math.Pow(10, low):G2} .. {Math.Pow(10, high):G2})</text>");
        var legend = 0;
        foreach (var (name, colour, value) in Terms)
        {
            var line = points.Where(p => value(p) > 0 && double.IsFinite(value(p)))
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.Step):F1},{Y(value(p)):F1}")).ToList();
            if (line.Count == 0)
            {
                continue;
            }
            svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"{name}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\" points=\"{string.Join(" ", line)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + PanelWidth - 100}\" y=\"{top + 14 + 13 * legend++}\" fill=\"{colour}\">{name}</text>");
        }
    }
}
