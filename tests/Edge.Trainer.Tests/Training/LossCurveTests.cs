using System.Globalization;
using System.Xml.Linq;
using Edge.Trainer.Runs;
using Edge.Trainer.Training;

namespace Edge.Trainer.Tests.Training;

public sealed class LossCurveTests
{
    private static TrainingProgress Point(string phase, int step, double loss, double budget = 0) =>
        new(phase, step, 100, loss, loss / 2, loss / 10, budget, [1.0], step);

    [Fact]
    public void The_picture_is_valid_svg_with_a_panel_per_phase_and_a_line_per_positive_term()
    {
        var progress = new[] { Point("autoencoder", 10, 1.0, 0.3), Point("autoencoder", 20, 0.1, 0.2), Point("prior", 10, 0.5), Point("prior", 20, 0.4) };

        var svg = XDocument.Parse(LossCurve.Render(progress));

        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(2, svg.Descendants(ns + "rect").Count());
        var lines = svg.Descendants(ns + "polyline").ToList();
        // Autoencoder: loss, reconstruction, vq, budget; prior: no budget (all zero), so three.
        Assert.Equal(7, lines.Count);
        var loss = lines.First(l => (string?)l.Attribute("class") == "loss");
        var points = ((string)loss.Attribute("points")!).Split(' ').Select(p => p.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        Assert.Equal(2, points.Count);
        // Steps go right; a falling loss goes down the picture (larger y).
        Assert.True(points[1][0] > points[0][0]);
        Assert.True(points[1][1] > points[0][1]);
    }
}
