using System.Globalization;
using System.Net;
using System.Text;
using Edge.Bundles.Manifest;
using Edge.Detection;
using Edge.Detection.Frames;
using Edge.Imaging;
using Edge.Imaging.Heatmaps;
using Edge.Scoring.Metrics;

namespace Edge.Trainer.Evaluation;

/// <summary>
/// The evaluation report: one self-contained HTML page (index.html) with the image and pixel ROC curves as inline SVG
/// and a gallery of input / reconstruction / heatmap / ground truth for a few images of each category, as PNG files
/// beside it. Collect gallery pictures with <see cref="Observe"/> while scoring, then <see cref="Write"/>.
/// </summary>
public sealed class HtmlReport
{
    private const int PerCategory = 3;

    private readonly string _folder;
    private readonly List<GalleryItem> _gallery = [];
    private readonly Dictionary<string, int> _perCategory = new(StringComparer.Ordinal);

    public HtmlReport(string folder)
    {
        _folder = folder;
        Directory.CreateDirectory(folder);
    }

    /// <summary>
    /// Keeps the pictures of the first few images of each class and category: the model's input and reconstruction at
    /// the map's size (a tiled bundle's tiles blended back together), from <paramref name="decoded"/> (the image as
    /// scored) run through the scorer again.
    /// </summary>
    public void Observe(ScoredImage image, FrameScorer scorer, Image decoded)
    {
        var key = $"{image.Sample.ProductClass}/{image.Sample.Category}";
        var seen = _perCategory.GetValueOrDefault(key);
        if (seen >= PerCategory)
        {
            return;
        }
        _perCategory[key] = seen + 1;
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(decoded);
        var pictures = scorer.Pictures(decoded.AsView());
        _gallery.Add(new GalleryItem(image, $"{image.Sample.ProductClass}_{image.Sample.Category}_{seen}", pictures));
    }

    /// <param name="figures">AUPRO and the figures at the calibrated thresholds (<see cref="OperatingFigures"/>), all and per class.</param>
    /// <param name="excluded">Test images left out because the bundle was calibrated on them.</param>
    /// <param name="thresholds">The thresholds the figures were taken at (null when none apply): the gallery's scores are normalized by them.</param>
    /// <param name="routing">What routing and prior did with the normal images; null for a plain VQ-VAE.</param>
    public string Write(
        BundleManifest manifest, ValidationMetrics metrics,
        (OperatingFigures All, IReadOnlyDictionary<string, OperatingFigures> PerClass) figures, IReadOnlyList<ScoredImage> images, int excluded,
        ThresholdSet? thresholds, RoutingFigures? routing = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(metrics);
        var html = new StringBuilder();
        html.Append("<!doctype html><html><head><meta charset=\"utf-8\"><title>Edge evaluation</title><style>")
            .Append("body{font-family:sans-serif;margin:2em}figure{display:inline-block;margin:4px}img{width:128px;image-rendering:pixelated}")
            .Append("td,th{padding:2px 8px;text-align:right}svg{border:1px solid #ccc;margin-right:1em}</style></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>Bundle {Encode(manifest.ModelVersion.ToString())}</h1>")
            .Append(CultureInfo.InvariantCulture, $"<p>scoring {Encode(ScoringMethodNames.Of(manifest.Scoring.Method))}, {images.Count} test images")
            .Append(CultureInfo.InvariantCulture, $" ({excluded} left out: the bundle was calibrated on them)</p>");
        html.Append("<p>AUPRO@0.3: normalized area under the per-region overlap curve up to a false-positive rate of 0.3. F1 and false alarms at the calibrated thresholds (n/a when not calibrated for this scoring).</p>");
        html.Append("<table><tr><th>class</th><th>image AUROC</th><th>pixel AUROC</th><th>AUPRO@0.3</th><th>image F1</th><th>pixel F1</th><th>false alarms / 1,000 normal</th></tr>");
        html.Append(Row("all", metrics.ImageAuroc, metrics.PixelAuroc, figures.All));
        foreach (var (name, auroc) in metrics.PerClass)
        {
            html.Append(Row(name, auroc.ImageAuroc, auroc.PixelAuroc, figures.PerClass[name]));
        }
        html.Append("</table>");
        if (routing is not null)
        {
            html.Append(RoutingSection(routing));
        }
        html.Append("<h2>ROC</h2>");
        html.Append(Svg("image", RocCurve.Compute(images.Select(i => i.Score).ToArray(), images.Select(i => i.Sample.IsAnomalous).ToArray())));
        // Every pixel of every image, gathered once: the pixel ROC, then (sorted, labels no longer needed) the heat scale.
        var (allScores, labels) = EvaluationMetrics.Pixels(images);
        if (metrics.PixelAuroc is not null)
        {
            html.Append(Svg("pixel", RocCurve.Compute(allScores, labels)));
        }
        html.Append("<h2>Gallery</h2><p>input, reconstruction, heatmap (one colour scale for all: 0 to the 99.9th percentile of every pixel score), ground truth</p>");
        Array.Sort(allScores);
        var overlay = new HeatmapOverlay(new HeatmapStyle { Low = 0f, High = Math.Max(Scoring.Metrics.ScoreStatistics.Quantile(allScores, 0.999), 1e-12f), Opacity = 0.5f });
        foreach (var item in _gallery)
        {
            var (image, stem) = (item.Image, item.Stem);
            SavePictures(item, overlay);
            var score = thresholds is null
                ? string.Create(CultureInfo.InvariantCulture, $"score {image.Score:G4}")
                : string.Create(CultureInfo.InvariantCulture, $"score {NormalizedScore.Of(image.Score, thresholds.ImageFor(image.Sample.ProductClass)):F2} (1.00 = threshold; raw {image.Score:G4})");
            html.Append(CultureInfo.InvariantCulture, $"<div><b>{Encode(image.Sample.ProductClass)} / {Encode(image.Sample.Category)}</b> {score}<br>");
            foreach (var kind in new[] { "input", "reconstruction", "heatmap", "truth" })
            {
                html.Append(CultureInfo.InvariantCulture, $"<figure><img src=\"{stem}_{kind}.png\" alt=\"{kind}\"></figure>");
            }
            html.Append("</div>");
        }
        html.Append("</body></html>");
        var path = Path.Combine(_folder, "index.html");
        File.WriteAllText(path, html.ToString());
        return path;
    }

    private void SavePictures(GalleryItem item, HeatmapOverlay overlay)
    {
        var p = item.Pictures;
        var input = PlanarImages.ToRgb(p.Input01, p.Channels, p.Width, p.Height);
        ImageCodec.Save(input.AsView(), Path.Combine(_folder, item.Stem + "_input.png"));
        ImageCodec.Save(PlanarImages.ToRgb(p.Reconstruction01, p.Channels, p.Width, p.Height).AsView(), Path.Combine(_folder, item.Stem + "_reconstruction.png"));
        var heat = new Image(p.Width, p.Height, PixelLayout.Rgb);
        overlay.Render(item.Image.Map, item.Image.MapWidth, item.Image.MapHeight, input.AsView(), heat);
        ImageCodec.Save(heat.AsView(), Path.Combine(_folder, item.Stem + "_heatmap.png"));
        ImageCodec.Save(PlanarImages.ToRgb(item.Image.Mask, 1, item.Image.MapWidth, item.Image.MapHeight).AsView(), Path.Combine(_folder, item.Stem + "_truth.png"));
    }

    private sealed record GalleryItem(ScoredImage Image, string Stem, FramePictures Pictures);

    private static string Svg(string title, IReadOnlyList<(double FalsePositiveRate, double TruePositiveRate, float Threshold)> points)
    {
        const int side = 240;
        // Thin the polyline: a pixel ROC has a point per distinct score.
        var step = Math.Max(1, points.Count / 2000);
        var line = string.Join(" ", points.Where((_, i) => i % step == 0 || i == points.Count - 1)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.FalsePositiveRate * side:F1},{(1 - p.TruePositiveRate) * side:F1}")));
        return string.Create(CultureInfo.InvariantCulture,
            $"<svg width=\"{side}\" height=\"{side + 20}\" viewBox=\"0 0 {side} {side + 20}\"><line x1=\"0\" y1=\"{side}\" x2=\"{side}\" y2=\"0\" stroke=\"#ccc\"/>" +
            $"<polyline fill=\"none\" stroke=\"#c00\" stroke-width=\"2\" points=\"{line}\"/><text x=\"4\" y=\"{side + 16}\">{title} ROC (x: FPR, y: TPR)</text></svg>");
    }

    /// <summary>The routing audit as a small table: each level's share in the plainest and richest quarter of cells.</summary>
    private static string RoutingSection(RoutingFigures routing)
    {
        var html = new StringBuilder("<h2>Routing</h2><p>Normal test images: the share of each code level (finest first) among the plainest and the richest quarter of coarsest cells by Haar context richness");
        html.Append(CultureInfo.InvariantCulture, $" ({routing.Routing.Cells} cells).");
        if (routing.PriorEntropy is { } entropy)
        {
            html.Append(CultureInfo.InvariantCulture, $" Budget prior: mean entropy {entropy:F3} nats per cell; its likeliest level is the input's in {routing.PriorAgreement:P1} of cells.");
        }
        html.Append("</p><table><tr><th>cells</th>");
        for (var l = 0; l < routing.Routing.PlainShares.Count; l++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>level {l}</th>");
        }
        html.Append("</tr>");
        foreach (var (name, shares) in new[] { ("plainest quarter", routing.Routing.PlainShares), ("richest quarter", routing.Routing.RichShares) })
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{name}</td>");
            foreach (var share in shares)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td>{share:F2}</td>");
            }
            html.Append("</tr>");
        }
        return html.Append("</table>").ToString();
    }

    private static string Row(string name, double imageAuroc, double? pixelAuroc, OperatingFigures f) => string.Create(CultureInfo.InvariantCulture,
        $"<tr><td>{Encode(name)}</td><td>{imageAuroc:F4}</td><td>{Figure(pixelAuroc)}</td><td>{Figure(f.PixelAupro)}</td><td>{Figure(f.ImageF1)}</td><td>{Figure(f.PixelF1)}</td><td>{(f.FalseAlarmsPer1000Normal is { } a ? a.ToString("F1", CultureInfo.InvariantCulture) : "n/a")}</td></tr>");

    private static string Figure(double? value) => value is { } v ? v.ToString("F4", CultureInfo.InvariantCulture) : "n/a";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
