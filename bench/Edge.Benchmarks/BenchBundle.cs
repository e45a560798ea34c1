using Edge.Testing;
using Edge.Trainer.Data;
using Edge.Trainer.Export;
using Edge.Trainer.Synthesis;
using Edge.Trainer.Training;

namespace Edge.Benchmarks;

/// <summary>The benchmarks' bundle: the tiny preset trained briefly on a small synthetic texture set and exported as edge-train does.</summary>
internal static class BenchBundle
{
    /// <returns>The bundle folder, <c>bundle</c> in <paramref name="folder"/>; the data set is in <c>data</c>.</returns>
    public static string Train(TempFolder folder)
    {
        SyntheticDataset.Write(folder.File("data"), new SyntheticDatasetOptions { TrainCount = 8, TestCountPerKind = 1, ImageSize = 64, Seed = 7 });
        var data = MvtecDataset.Open(folder.File("data"));
        TrainAndExport.Run(data, Presets.Get("tiny") with { Steps = 150, PriorSteps = 30 }, folder.File("run"), folder.File("bundle"), "1.0.0");
        return folder.File("bundle");
    }
}
