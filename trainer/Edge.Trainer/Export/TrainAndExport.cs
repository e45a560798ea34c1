using Edge.Trainer.Data;
using Edge.Trainer.Runs;
using Edge.Trainer.Training;

namespace Edge.Trainer.Export;

/// <summary><c>edge-train fit</c> then <c>export</c> in one call: trains, saves the run, writes the checked bundle.</summary>
public static class TrainAndExport
{
    public static ExportResult Run(MvtecDataset data, TrainingOptions options, string runFolder, string bundleFolder, string version)
    {
        ArgumentNullException.ThrowIfNull(data);
        var trainer = new PvqaeTrainer(options, data);
        var (model, prior) = trainer.Train();
        using (model)
        using (prior)
        {
            TrainingRun.For(trainer.Config, data, trainer.Options.Tiling).Save(runFolder, model, prior);
        }
        return BundleExporter.Export(runFolder, bundleFolder, new ExportOptions { Version = version });
    }
}
