using Edge.Testing;
using Edge.Trainer.Data;
using Edge.Trainer.Export;
using Edge.Trainer.Model;
using Edge.Trainer.Synthesis;
using Edge.Trainer.Training;

namespace Edge.Trainer.Tests.Evaluation;

/// <summary>
/// One small synthetic data set and a real bundle trained on it for a few seconds, shared by a test class. Tests
/// that change the bundle copy it first (<see cref="CopyBundle"/>).
/// </summary>
public sealed class TinyBundleFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public TinyBundleFixture()
    {
        SyntheticDataset.Write(DataFolder, new SyntheticDatasetOptions { TrainCount = 8, TestCountPerKind = 2, ImageSize = 32, Seed = 3 });
        var data = MvtecDataset.Open(DataFolder);
        var options = new TrainingOptions
        {
            Model = new PvqaeConfig { ImageSize = 32, BaseWidth = 8, EmbeddingDim = 8, CodebookSize = 16, RoutingHidden = 8, PriorWidth = 8, PriorHeads = 2 },
            BatchSize = 4, Steps = 40, PriorSteps = 30, ReseedEvery = 20, MaxMinutes = 5,
        };
        TrainAndExport.Run(data, options, RunFolder, BundleFolder, "1.2.3");
    }

    public string DataFolder => _folder.File("data");

    public string RunFolder => _folder.File("run");

    public string BundleFolder => _folder.File("bundle");

    /// <summary>A fresh copy of the bundle in <paramref name="into"/>, for a test that changes it.</summary>
    public string CopyBundle(TempFolder into)
    {
        var copy = into.File("bundle");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.EnumerateFiles(BundleFolder))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }
        return copy;
    }

    public void Dispose() => _folder.Dispose();
}
