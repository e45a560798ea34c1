using System.Text.Json;
using Edge.Bundles.Files;
using Edge.Detection;
using Edge.Detection.Frames;
using Edge.Testing;
using Edge.Trainer.Data;
using Edge.Trainer.Evaluation;
using Edge.Trainer.Model;
using Edge.Trainer.Training;

namespace Edge.Trainer.Tests.Evaluation;

/// <summary>The evaluation report's routing audit: what routing and the prior did with the normal test images.</summary>
public sealed class RoutingAuditTests(TinyBundleFixture fixture) : IClassFixture<TinyBundleFixture>
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "edge-train.dll");

    [Fact]
    public void The_audit_equals_the_routing_and_prior_of_each_normal_test_image_run_through_a_detector_of_its_own()
    {
        using var model = BundleModel.Load(Bundle.Open(fixture.BundleFolder));
        var dataset = MvtecDataset.Open(fixture.DataFolder);
        var audit = new RoutingAudit();

        TestSetScorer.Score(model, dataset, routing: audit);
        var figures = audit.Result();

        // The same images, each run by hand: its model input (the scorer's picture of it, normalized again), then the
        // routing the detector chose, the richness of that input and the prior's distribution per cell.
        using var detector = model.CreateDetector();
        var mean = model.Manifest.Input.Mean;
        var std = model.Manifest.Input.Std;
        var richness = new List<float>();
        var levels = new List<long>();
        double entropy = 0;
        var agreements = 0;
        var normals = dataset.Test.Where(s => !s.IsAnomalous).ToList();
        foreach (var sample in normals)
        {
            using var scorer = new FrameScorer(model, new FrameScorerSettings { ProductClass = sample.ProductClass });
            var input01 = scorer.Pictures(SampleLoader.Read(sample.ImagePath).AsView()).Input01;
            var plane = input01.Length / model.Channels;
            var normalized = input01.Select((v, i) => (float)((v - mean[i / plane]) / std[i / plane])).ToArray();
            detector.Detect(normalized, model.Manifest.ClassNames.ToList().IndexOf(sample.ProductClass));
            richness.AddRange(ContextRichness.Compute(input01, model.Channels, model.InputSize, detector.RoutingGrid));
            levels.AddRange(detector.ChosenLevels.ToArray());
            var prior = detector.PriorProbabilitiesOf(0).ToArray();
            for (var cell = 0; cell < detector.ChosenLevels.Length; cell++)
            {
                var p = prior.Skip(cell * 3).Take(3).ToArray();
                entropy -= p.Where(x => x > 0).Sum(x => x * Math.Log(x));
                agreements += Array.IndexOf(p, p.Max()) == detector.ChosenLevels[cell] ? 1 : 0;
            }
        }
        var expected = RoutingStatistics.Compute(richness, levels, 3);

        Assert.NotNull(figures);
        Assert.Equal(normals.Count * detector.RoutingGrid * detector.RoutingGrid, figures.Routing.Cells);
        Assert.Equal(expected.PlainShares, figures.Routing.PlainShares);
        Assert.Equal(expected.RichShares, figures.Routing.RichShares);
        Assert.Equal(entropy / levels.Count, figures.PriorEntropy!.Value, 5);
        Assert.Equal((double)agreements / levels.Count, figures.PriorAgreement!.Value, 12);
        Assert.InRange(figures.PriorEntropy.Value, 0, Math.Log(3));
    }

    [Fact]
    public void Evaluate_reports_the_routing_audit_in_its_json_line_and_its_report()
    {
        using var folder = new TempFolder();
        var bundle = fixture.CopyBundle(folder);

        var output = ExternalTool.Run("dotnet", [Cli, "evaluate", "--bundle", bundle, "--data", fixture.DataFolder, "--report", folder.File("report")]);

        using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var routing = json.RootElement.GetProperty("routing");
        foreach (var quarter in new[] { "plainest_quarter", "richest_quarter" })
        {
            var shares = routing.GetProperty(quarter).EnumerateArray().Select(e => e.GetDouble()).ToList();
            Assert.Equal(3, shares.Count);
            Assert.Equal(1.0, shares.Sum(), 9);
        }
        var normals = MvtecDataset.Open(fixture.DataFolder).Test.Count(s => !s.IsAnomalous);
        // 32 px input, coarsest factor 16: 2 x 2 cells per image.
        Assert.Equal(normals * 4, routing.GetProperty("cells").GetInt32());
        Assert.InRange(routing.GetProperty("prior_entropy").GetDouble(), 0, Math.Log(3));
        Assert.InRange(routing.GetProperty("prior_agreement").GetDouble(), 0, 1);
        Assert.Contains("<h2>Routing</h2>", File.ReadAllText(folder.File("report/index.html")), StringComparison.Ordinal);
    }
}
