using Edge.Bundles.Files;
using Edge.Detection;
using Edge.Detection.Frames;
using Edge.Imaging;
using Edge.Testing;
using Edge.Trainer.Data;
using Edge.Trainer.Export;
using Edge.Trainer.Model;
using Edge.Trainer.Synthesis;
using Edge.Trainer.Training;

namespace Edge.Agent.Tests.Support;

/// <summary>
/// A real bundle, trained for a few seconds on synthetic textures and exported as edge-train does, plus one normal
/// scene and the same scene with a large black square (a defect nothing in training looks like), with the scores the
/// bundle gives both: what the inference tests set their thresholds between (a calibration on two labelled images).
/// </summary>
public sealed class TrainedBundle : IDisposable
{
    public const int Size = 32;

    private readonly TempFolder _folder = new();

    public TrainedBundle()
    {
        SyntheticDataset.Write(_folder.File("data"), new SyntheticDatasetOptions { TrainCount = 8, TestCountPerKind = 1, ImageSize = Size, Seed = 5 });
        var data = MvtecDataset.Open(_folder.File("data"));
        var options = new TrainingOptions
        {
            Model = new PvqaeConfig { ImageSize = Size, BaseWidth = 8, EmbeddingDim = 8, CodebookSize = 16, RoutingHidden = 8, PriorWidth = 8, PriorHeads = 2 },
            BatchSize = 4, Steps = 60, PriorSteps = 30, ReseedEvery = 20, MaxMinutes = 5,
        };
        TrainAndExport.Run(data, options, _folder.File("run"), Folder, "1.0.0");

        NormalImage = _folder.File("normal.png");
        DefectImage = _folder.File("defect.png");
        var scene = ImageCodec.Load(data.Train.First(s => s.ProductClass == data.ClassNames[0]).ImagePath, PixelLayout.Rgb);
        ImageCodec.Save(scene.AsView(), NormalImage);
        for (var y = 0; y < Size / 2; y++)
        {
            scene.Row(y)[..(Size / 2 * 3)].Clear();
        }
        ImageCodec.Save(scene.AsView(), DefectImage);
        using var loaded = BundleModel.Open(Folder);
        using var scorer = new FrameScorer(loaded);
        NormalScore = scorer.Score(ImageCodec.Load(NormalImage).AsView()).Score;
        DefectScore = scorer.Score(ImageCodec.Load(DefectImage).AsView()).Score;
    }

    public string Folder => _folder.File("bundle");

    public string NormalImage { get; }

    public string DefectImage { get; }

    public double NormalScore { get; }

    public double DefectScore { get; }

    /// <summary>Half way between the normal and the defective scene's scores.</summary>
    public double Threshold => (NormalScore + DefectScore) / 2;

    /// <summary>A copy of the bundle with thresholds and statistics written in, as edge-train calibrate would.</summary>
    public string CalibratedCopy(TempFolder into)
    {
        var copy = into.File("calibrated");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.EnumerateFiles(Folder))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }
        var bundle = Bundle.Open(copy);
        var statistics = Trainer.Evaluation.Calibration.ToManifest(Scoring.Metrics.ScoreStatistics.Of([(float)NormalScore]));
        bundle.ReplaceManifest(bundle.Manifest with
        {
            Thresholds = new Bundles.Manifest.ThresholdSet { Image = Threshold, Pixel = Threshold },
            NormalStatistics = new Bundles.Manifest.NormalStatistics { Image = statistics, Pixel = statistics },
        });
        return copy;
    }

    /// <summary>
    /// A calibrated copy that says to tile frames (<c>input.tiling</c>: stride 16, scale 1): frames larger than the
    /// 32-pixel input are scored as overlapping tiles at their own pixels.
    /// </summary>
    public string TiledCopy(TempFolder into)
    {
        var copy = CalibratedCopy(into);
        var bundle = Bundle.Open(copy);
        bundle.ReplaceManifest(bundle.Manifest with
        {
            Input = bundle.Manifest.Input with { Tiling = new Bundles.Manifest.TilingSpec { Stride = 16, Scale = 1 } },
        });
        return copy;
    }

    /// <summary>A <paramref name="width"/> x <paramref name="height"/> picture of the normal scene repeated (wrapping), as RGB.</summary>
    public Image RepeatedScene(int width, int height)
    {
        var scene = ImageCodec.Load(NormalImage, PixelLayout.Rgb);
        var image = new Image(width, height, PixelLayout.Rgb);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                scene.Row(y % Size).Slice(x % Size * 3, 3).CopyTo(image.Row(y)[(x * 3)..]);
            }
        }
        return image;
    }

    public void Dispose() => _folder.Dispose();
}
