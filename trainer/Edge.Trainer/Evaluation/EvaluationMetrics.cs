using Edge.Bundles.Manifest;
using Edge.Scoring.Metrics;

namespace Edge.Trainer.Evaluation;

/// <summary>
/// Image and pixel AUROC of scored test images, overall and per product class. Pixel AUROC is over every pixel of
/// every test image (normal images count as all-normal pixels), and null when a defective image has no mask.
/// </summary>
public static class EvaluationMetrics
{
    public static ValidationMetrics Compute(IReadOnlyList<ScoredImage> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var perClass = images.GroupBy(i => i.Sample.ProductClass)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new ClassValidation { ImageAuroc = ImageAuroc(g.ToList()), PixelAuroc = PixelAuroc(g.ToList()) }, StringComparer.Ordinal);
        return new ValidationMetrics { ImageAuroc = ImageAuroc(images), PixelAuroc = PixelAuroc(images), PerClass = perClass };
    }

    /// <summary>A data set with only normal (or only defective) images has no AUROC: that is a user error, said plainly.</summary>
    public static double ImageAuroc(IReadOnlyList<ScoredImage> images) =>
        Auroc.Compute(images.Select(i => i.Score).ToArray(), images.Select(i => i.Sample.IsAnomalous).ToArray())
        ?? throw new Commands.UserInputException("Image AUROC needs both normal (test/good) and defective test images.");

    public static double? PixelAuroc(IReadOnlyList<ScoredImage> images)
    {
        if (!HasPixelLabels(images))
        {
            return null;
        }
        var (scores, labels) = Pixels(images);
        return Auroc.Compute(scores, labels);
    }

    /// <summary>True when there are defective images and every one has a mask: pixel figures can be measured.</summary>
    public static bool HasPixelLabels(IReadOnlyList<ScoredImage> images) =>
        images.Any(i => i.Sample.IsAnomalous) && images.All(i => !i.Sample.IsAnomalous || i.Sample.MaskPath is not null);

    /// <summary>Every pixel's score and label, concatenated over the images.</summary>
    public static (float[] Scores, bool[] Labels) Pixels(IReadOnlyList<ScoredImage> images)
    {
        var total = images.Sum(i => (long)i.Map.Length);
        var scores = new float[total];
        var labels = new bool[total];
        var offset = 0;
        foreach (var image in images)
        {
            image.Map.CopyTo(scores, offset);
            MaskLabels(image.Mask).CopyTo(labels, offset);
            offset += image.Map.Length;
        }
        return (scores, labels);
    }

    /// <summary>A ground-truth mask (0/1 at the model's size) as defect labels: a pixel is defective from 0.5 up.</summary>
    public static bool[] MaskLabels(float[] mask) => Array.ConvertAll(mask, m => m >= 0.5f);
}
