using Edge.Detection;
using Edge.Detection.Frames;
using Edge.Imaging.Preprocessing;
using Edge.Trainer.Commands;
using Edge.Trainer.Data;

namespace Edge.Trainer.Evaluation;

/// <summary>
/// Runs a data set's test images through an exported bundle in ONNX Runtime, through the same <see cref="FrameScorer"/>
/// the device scores frames with (one per product class): what the device will run, not the training graph.
/// </summary>
public static class TestSetScorer
{
    /// <summary>Scores every test image; <paramref name="onImage"/> sees each result as it is made (for the report's gallery).</summary>
    public static IReadOnlyList<ScoredImage> Score(
        BundleModel model, MvtecDataset dataset, Action<ScoredImage, FrameScorer>? onImage = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.Test.Count == 0)
        {
            throw new UserInputException($"The data set '{dataset.Root}' has no test images (test/good/ and test/<defect>/).");
        }
        var scorers = ScorersFor(model, dataset);
        try
        {
            var preprocessing = model.Preprocessing;
            // Ground-truth masks at the frame-level map's size (the model's input while a frame is one tile).
            var masks = new SampleLoader(preprocessing.Width, preprocessing.Channels, preprocessing.Normalization ?? ChannelNormalization.UnitRange(preprocessing.Channels));
            var results = new List<ScoredImage>(dataset.Test.Count);
            foreach (var sample in dataset.Test)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var scorer = scorers[sample.ProductClass];
                var image = SampleLoader.Read(sample.ImagePath);
                var score = scorer.Score(image.AsView()).Score;
                var mask = new float[scorer.MapWidth * scorer.MapHeight];
                masks.LoadMask(sample.IsAnomalous ? sample.MaskPath : null, mask);
                var scored = new ScoredImage(sample, score, scorer.Map.ToArray(), mask);
                onImage?.Invoke(scored, scorer);
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
