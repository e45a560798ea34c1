using System.Globalization;
using Edge.Detection;
using Edge.Detection.Frames;
using Edge.Imaging;
using Edge.Imaging.Preprocessing;
using Edge.Testing;

namespace Edge.Benchmarks.Soak;

/// <summary>
/// What the soaked agent sees: a folder camera of 640x480 PNGs (the synthetic set's training images, enlarged) in which
/// every tenth frame has a black square, with the camera's threshold half way between the highest normal score and
/// the defect's, so alarms start and end all through the run (outbox, MQTT, snapshots and their quota all work).
/// </summary>
/// <param name="Alarms">False when the briefly trained bundle scores the defect under a normal frame: then no alarm is raised.</param>
internal sealed record SoakScene(string Frames, double Threshold, bool Alarms)
{
    private const int Width = 640;
    private const int Height = 480;

    public static SoakScene Write(TempFolder folder, string bundle)
    {
        var frames = folder.File("frames");
        Directory.CreateDirectory(frames);
        var sources = Directory.EnumerateFiles(folder.File("data"), "*.png", SearchOption.AllDirectories)
            .Where(p => p.Contains("/train/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Take(9).ToList();
        var resizer = new BilinearResizer(Width, Height);
        var big = new Image(Width, Height, PixelLayout.Rgb);
        using var model = BundleModel.Open(bundle);
        using var scorer = new FrameScorer(model);
        var normal = double.MinValue;
        for (var i = 0; i < sources.Count; i++)
        {
            resizer.Resize(ImageCodec.Load(sources[i], PixelLayout.Rgb).AsView(), big);
            normal = Math.Max(normal, scorer.Score(big.AsView()).Score);
            ImageCodec.Save(big.AsView(), Path.Combine(frames, string.Create(CultureInfo.InvariantCulture, $"frame_{i:D2}.png")));
        }
        for (var y = Height / 4; y < Height * 3 / 4; y++)
        {
            big.Row(y).Slice(Width / 4 * 3, Width / 2 * 3).Clear();
        }
        var defect = scorer.Score(big.AsView()).Score;
        ImageCodec.Save(big.AsView(), Path.Combine(frames, "frame_99_defect.png"));
        return defect > normal ? new SoakScene(frames, (normal + defect) / 2, Alarms: true) : new SoakScene(frames, defect * 2 + normal * 2 + 1, Alarms: false);
    }
}
