using Edge.Detection;
using Edge.Imaging.Preprocessing;
using Edge.Trainer.Commands;
using Edge.Trainer.Data;

namespace Edge.Trainer.Evaluation;

/// <summary>
/// Runs a data set's test images through an exported bundle in ONNX Runtime: what the device will run, not the
/// training graph. Images are loaded exactly as for training, without augmentation.
/// </summary>
public static class TestSetScorer
{
    /// <summary>Scores every test image; <paramref name="onImage"/> sees each result as it is made (for the report's gallery).</summary>
    public static IReadOnlyList<ScoredImage> Score(
        BundleModel model, MvtecDataset dataset, Action<ScoredImage, Detector>? onImage = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.Test.Count == 0)
        {
            throw new UserInputException($"The data set '{dataset.Root}' has no test images (test/good/ and test/<defect>/).");
        }
        var classIds = ClassIds(model, dataset);
        var preprocessing = model.Preprocessing;
        var loader = new SampleLoader(preprocessing.Width, preprocessing.Channels, preprocessing.Normalization ?? ChannelNormalization.UnitRange(preprocessing.Channels));
        using var detector = model.CreateDetector();
        var pixels = preprocessing.Width * preprocessing.Height;
        var results = new List<ScoredImage>(dataset.Test.Count);
        var random = new Random(0);
        foreach (var sample in dataset.Test)
        {
            cancellationToken.ThrowIfCancellationRequested();
            loader.Load(sample.ImagePath, detector.Input, Augmentation.None, random);
            var score = detector.Detect(classIds[sample.ProductClass]);
            var mask = new float[pixels];
            loader.LoadMask(sample.IsAnomalous ? sample.MaskPath : null, mask);
            var scored = new ScoredImage(sample, score, detector.Map.ToArray(), mask);
            onImage?.Invoke(scored, detector);
            results.Add(scored);
        }
        return results;
    }

    /// <summary>Each data set class's index among the bundle's classes (the prior's class token).</summary>
    public static IReadOnlyDictionary<string, int> ClassIds(BundleModel model, MvtecDataset dataset)
    {
        var names = model.Manifest.ClassNames;
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in dataset.ClassNames)
        {
            var index = names is [_] && dataset.ClassNames.Count == 1 ? 0 : IndexOf(names, name);
            if (index < 0)
            {
                throw new UserInputException($"The data set's class '{name}' is not one the bundle was trained on ({string.Join(", ", names)}).");
            }
            ids[name] = index;
        }
        return ids;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }
}
