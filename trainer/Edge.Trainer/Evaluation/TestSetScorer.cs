using Edge.Detection;
using Edge.Detection.Frames;
using Edge.Imaging;
using Edge.Trainer.Commands;
using Edge.Trainer.Data;

namespace Edge.Trainer.Evaluation;

/// <summary>
/// Runs a data set's test images through an exported bundle in ONNX Runtime, through the same <see cref="FrameScorer"/>
/// the device scores frames with (one per product class): what the device will run, not the training graph. A tiled
/// bundle scores each image at native resolution (its tiles blended into a map of the image's size times the tiling
/// scale), and the ground-truth mask is read at that map's size, so pixel figures are over the full-resolution map.
/// </summary>
public static class TestSetScorer
{
    /// <summary>
    /// Scores every test image; <paramref name="onImage"/> sees each result as it is made, with its scorer and the decoded
    /// image (for the report's gallery, so it need not read the file again). <paramref name="routing"/>, when given, audits
    /// what the model did with the normal images.
    /// </summary>
    public static IReadOnlyList<ScoredImage> Score(
        BundleModel model, MvtecDataset dataset, Action<ScoredImage, FrameScorer, Image>? onImage = null, RoutingAudit? routing = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.Test.Count == 0)
        {
            throw new UserInputException($"The data set '{dataset.Root}' has no test images (test/good/ and test/<defect>/).");
        }
        var scorers = ScorersFor(model, dataset);
        Action<Detector, int>? audit = routing is null ? null : routing.Observe;
        try
        {
            var results = new List<ScoredImage>(dataset.Test.Count);
            foreach (var sample in dataset.Test)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var scorer = scorers[sample.ProductClass];
                // Only normal images say what the model learned to do; a defect's routing is what the scores are about.
                scorer.InputObserver = sample.IsAnomalous ? null : audit;
                var image = SampleLoader.Read(sample.ImagePath);
                float score;
                try
                {
                    score = scorer.Score(image.AsView()).Score;
                }
                catch (InvalidOperationException e)
                {
                    // A tiled bundle and an image smaller than one tile at the tiling scale.
                    throw new UserInputException($"'{sample.ImagePath}': {e.Message}");
                }
                // Ground truth at the frame-level map's size: the model's input, or the image's size times the tiling scale.
                var (width, height) = (scorer.MapWidth, scorer.MapHeight);
                var mask = new float[width * height];
                SampleLoader.LoadMask(sample.IsAnomalous ? sample.MaskPath : null, mask, width, height);
                var scored = new ScoredImage(sample, score, scorer.Map.ToArray(), mask, width, height);
                onImage?.Invoke(scored, scorer, image);
                results.Add(scored);
            }
            return results;
        }
        finally
        {
            foreach (var scorer in scorers.Values)
            {
                scorer.Dispose();
            }
        }
    }

    /// <summary>A frame scorer per data set class, conditioned on that class (a single-class set scores as a single-class bundle's class).</summary>
    private static Dictionary<string, FrameScorer> ScorersFor(BundleModel model, MvtecDataset dataset)
    {
        var names = model.Manifest.ClassNames;
        var scorers = new Dictionary<string, FrameScorer>(StringComparer.Ordinal);
        try
        {
            foreach (var name in dataset.ClassNames)
            {
                var productClass = names is [_] && dataset.ClassNames.Count == 1 ? null : name;
                try
                {
                    scorers[name] = new FrameScorer(model, new FrameScorerSettings { ProductClass = productClass });
                }
                catch (ArgumentException)
                {
                    throw new UserInputException($"The data set's class '{name}' is not one the bundle was trained on ({string.Join(", ", names)}).");
                }
            }
            return scorers;
        }
        catch
        {
            foreach (var scorer in scorers.Values)
            {
                scorer.Dispose();
            }
            throw;
        }
    }
}
