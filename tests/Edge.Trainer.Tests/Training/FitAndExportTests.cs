using Edge.Bundles.Manifest;
using Edge.Detection;
using Edge.Testing;
using Edge.Trainer.Data;
using Edge.Trainer.Export;
using Edge.Trainer.Model;
using Edge.Trainer.Runs;
using Edge.Trainer.Synthesis;
using Edge.Trainer.Training;

namespace Edge.Trainer.Tests.Training;

public sealed class FitAndExportTests
{
    [Fact]
    public void A_short_training_run_lowers_the_loss_saves_and_exports_a_checked_bundle()
    {
        using var folder = new TempFolder();
        SyntheticDataset.Write(folder.File("data"), new SyntheticDatasetOptions { TrainCount = 8, TestCountPerKind = 1, ImageSize = 32, Seed = 2 });
        var data = MvtecDataset.Open(folder.File("data"));
        var progress = new List<TrainingProgress>();
        var options = new TrainingOptions
        {
            Model = new PvqaeConfig { ImageSize = 32, BaseWidth = 8, EmbeddingDim = 8, CodebookSize = 16, RoutingHidden = 8, PriorWidth = 8, PriorHeads = 2 },
            BatchSize = 4, Steps = 60, PriorSteps = 50, ReseedEvery = 20, MaxMinutes = 5,
        };
        var trainer = new PvqaeTrainer(options, data) { Progress = progress.Add };

        var (model, prior) = trainer.Train();
        using (model)
        using (prior)
        {
            TrainingRun.For(trainer.Config, data).Save(folder.File("run"), model, prior);
        }

        var autoencoder = progress.Where(p => p.Phase == "autoencoder").ToList();
        Assert.Equal([20, 40, 60], autoencoder.Select(p => p.Step));
        Assert.True(autoencoder[^1].Reconstruction < autoencoder[0].Reconstruction, "reconstruction loss did not fall");
        Assert.Contains(progress, p => p.Phase == "prior" && p.Step == 50);
        Assert.Equal(2, trainer.Config.ClassCount);

        var exported = BundleExporter.Export(folder.File("run"), folder.File("bundle"), new ExportOptions { Version = "0.1.0" });

        Assert.InRange(exported.Check.WorstShare, 0, 1);
        Assert.InRange(exported.GoldenSeed, 1, GoldenTensors.Candidates);
        // The chosen input keeps its nearest codes apart by more than the parity allowance, so it has no near-tie.
        // This short run leaves latents with near-tied codes; a flip the check accepts can only be at one of them.
        Assert.True(exported.GoldenMargin >= 0, $"smallest nearest-code gap {exported.GoldenMargin}");
        Assert.InRange(exported.Check.NearTies, 0, exported.GoldenNearTies);
        var manifest = exported.Bundle.Manifest;
        Assert.Equal(["grain", "weave"], manifest.ClassNames);
        Assert.Equal(data.Train.Count, manifest.TrainingData.ImageCount);
        Assert.Equal(ScoringMethod.BudgetXRecon, manifest.Scoring.Method);
        foreach (var graph in manifest.RequiredGraphs)
        {
            OnnxChecker.Check(exported.Bundle.GraphPath(graph));
        }
        using var loaded = BundleModel.Open(folder.File("bundle"));
        var golden = GoldenCheck.Run(loaded);
        Assert.True(golden.Passed, golden.Failure);
        Assert.Equal(12, golden.ComparedTensors);
    }

    [Fact]
    public void Exporting_a_folder_without_a_run_is_a_one_line_error_from_the_command()
    {
        using var folder = new TempFolder();
        var cli = Path.Combine(AppContext.BaseDirectory, "edge-train.dll");

        var error = Assert.Throws<ExternalToolException>(() => ExternalTool.Run("dotnet", [cli, "export", "--run", folder.Path, "--out", folder.File("b")]));

        Assert.Equal(1, error.ExitCode);
        Assert.StartsWith("edge-train: error: ", error.ErrorOutput, StringComparison.Ordinal);
        Assert.Single(error.ErrorOutput.Split('\n'));
    }
}
