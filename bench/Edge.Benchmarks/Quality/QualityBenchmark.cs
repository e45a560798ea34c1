using System.Globalization;
using Edge.Imaging;
using Edge.Testing;

namespace Edge.Benchmarks.Quality;

/// <summary>
/// Detection quality on real photographs and on the synthetic sets: for each set, the PVQAE and the plain VQ-VAE
/// (<c>--plain-vq</c>) are trained with the same preset, seed and time budget through the real <c>edge-train</c>,
/// exported, calibrated and evaluated in ONNX Runtime, each with its default scoring. The output format is
/// documented in the README's bench section and kept stable: one line per figure, per failed run, per set and per target.
/// </summary>
public sealed class QualityBenchmark : IFigureBenchmark
{
    /// <summary>The PVQAE's mean pixel AUROC over the sets should reach this.</summary>
    public const double PixelAurocTarget = 0.90;

    /// <summary>... and lead the plain VQ-VAE's by at least this much.</summary>
    public const double LeadTarget = 0.03;

    private static readonly (string Name, bool Plain)[] Models = [("pvqae", false), ("plain", true)];

    public string Name => "quality";

    public void Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var settings = QualitySettings.FromEnvironment(RepositoryRoot.Path);
        var edgeTrain = RepositoryRoot.Combine("bin", "edge-train");
        if (!File.Exists(edgeTrain))
        {
            throw new FileNotFoundException($"{edgeTrain} is missing: run make build first");
        }
        var runner = new TrainerRun(edgeTrain, settings);
        Line(output, $"quality header: date {DateTime.UtcNow:yyyy-MM-dd}, build {Build()}, preset {settings.Preset}, minutes {settings.Minutes} per run, seed {settings.Seed}, sets {string.Join(" ", settings.Sets.Select(s => s.Name))}");
        var pixel = new List<(string Set, double? Pvqae, double? Plain)>();
        foreach (var set in settings.Sets)
        {
            string data;
            try
            {
                Console.Error.WriteLine($"# quality {set.Name}: preparing the set (reused when already built)");
                (data, var description) = set.Build(settings.Folder, settings.Seed);
                Line(output, $"quality set {set.Name}: {description}");
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or ImagingException)
            {
                foreach (var (model, _) in Models)
                {
                    Line(output, $"quality {set.Name} {model} failed: set not built: {e.Message}");
                }
                pixel.Add((set.Name, null, null));
                continue;
            }
            var figures = new double?[Models.Length];
            for (var m = 0; m < Models.Length; m++)
            {
                var (model, plain) = Models[m];
                Console.Error.WriteLine($"# quality {set.Name} {model}: fit (at most {settings.Minutes} minutes), export, calibrate, evaluate");
                try
                {
                    var (imageAuroc, pixelAuroc, cutShort) = runner.Run(data, Path.Combine(settings.Folder, "runs", set.Name, model), plain);
                    Line(output, $"quality {set.Name} {model} image_auroc: {imageAuroc:F3}");
                    Line(output, $"quality {set.Name} {model} pixel_auroc: {pixelAuroc:F3}");
                    if (cutShort is not null)
                    {
                        Line(output, $"quality {set.Name} {model} cut short: {cutShort}");
                    }
                    figures[m] = pixelAuroc;
                }
                catch (RunFailedException e)
                {
                    Line(output, $"quality {set.Name} {model} failed: {e.Message}");
                }
            }
            pixel.Add((set.Name, figures[0], figures[1]));
        }
        Summary(output, pixel);
    }

    /// <summary>Means over the sets where both models gave figures (a paired comparison), and whether each target is met.</summary>
    private static void Summary(TextWriter output, List<(string Set, double? Pvqae, double? Plain)> pixel)
    {
        var paired = pixel.Where(p => p is { Pvqae: not null, Plain: not null }).ToList();
        var left = pixel.Except(paired).Select(p => p.Set).ToList();
        Line(output, $"quality mean over: {(paired.Count == 0 ? "no set" : string.Join(" ", paired.Select(p => p.Set)))}{(left.Count == 0 ? "" : $" (left out for want of figures: {string.Join(" ", left)})")}");
        if (paired.Count == 0)
        {
            Line(output, $"quality mean pixel_auroc pvqae: n/a");
            Line(output, $"quality mean pixel_auroc plain: n/a");
            Line(output, $"quality target mean pixel_auroc pvqae >= {PixelAurocTarget:F2}: not met (no figures)");
            Line(output, $"quality target pvqae over plain >= {LeadTarget:F2}: not met (no figures)");
            return;
        }
        var pvqae = paired.Average(p => p.Pvqae!.Value);
        var plain = paired.Average(p => p.Plain!.Value);
        Line(output, $"quality mean pixel_auroc pvqae: {pvqae:F3}");
        Line(output, $"quality mean pixel_auroc plain: {plain:F3}");
        Line(output, $"quality target mean pixel_auroc pvqae >= {PixelAurocTarget:F2}: {Verdict(pvqae >= PixelAurocTarget)}");
        Line(output, $"quality target pvqae over plain >= {LeadTarget:F2}: {Verdict(pvqae - plain >= LeadTarget)} ({pvqae - plain:+0.000;-0.000;0.000})");
    }

    private static string Verdict(bool met) => met ? "met" : "not met";

    /// <summary>The git commit this tree is at, with <c>+changes</c> when tracked files differ from it; <c>unknown</c> without git.</summary>
    private static string Build()
    {
        try
        {
            var commit = ExternalTool.Run("git", ["-C", RepositoryRoot.Path, "rev-parse", "--short", "HEAD"]).Trim();
            var changed = ExternalTool.Run("git", ["-C", RepositoryRoot.Path, "status", "--porcelain", "--untracked-files=no"]).Trim().Length > 0;
            return changed ? commit + "+changes" : commit;
        }
        catch (Exception e) when (e is InvalidOperationException or ExternalToolException)
        {
            return "unknown";
        }
    }

    private static void Line(TextWriter output, FormattableString line)
    {
        output.WriteLine(line.ToString(CultureInfo.InvariantCulture));
        output.Flush();
    }
}
