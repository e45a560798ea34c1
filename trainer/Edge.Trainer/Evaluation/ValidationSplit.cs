using System.Security.Cryptography;
using System.Text;
using Edge.Trainer.Data;

namespace Edge.Trainer.Evaluation;

/// <summary>
/// The seeded split of a data set's test images into calibration and evaluation images, so that thresholds are never
/// set on the images evaluation reports on. Stratified by product class and category (good or a defect kind): in
/// each stratum of n images the images are ranked by SHA-256 of "seed, a 0 byte, the relative path" (UTF-8), and the
/// first round(share x n) go to calibration, at least one and at most n - 1 when n >= 2 (so a kind with two or more
/// images is on both sides), none when n = 1. The ranking depends only on the seed and each image's own path, so it is
/// the same on every machine and an added image does not reshuffle the others.
/// </summary>
public static class ValidationSplit
{
    public const double DefaultShare = 0.3;

    public const int DefaultSeed = 0;

    /// <summary>The calibration images and the rest, each in the data set's order.</summary>
    public static (IReadOnlyList<DatasetSample> Calibration, IReadOnlyList<DatasetSample> Evaluation) Draw(MvtecDataset dataset, double share, int seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (share is <= 0 or >= 1 || double.IsNaN(share))
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "must be strictly between 0 and 1");
        }
        var chosen = new HashSet<DatasetSample>();
        foreach (var stratum in dataset.Test.GroupBy(s => (s.ProductClass, s.Category)))
        {
            var ranked = stratum.Select(s => (Sample: s, Key: Rank(seed, dataset.RelativePath(s))))
                .OrderBy(r => r.Key, Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b)))
                .Select(r => r.Sample)
                .ToList();
            chosen.UnionWith(ranked.Take(CalibrationCount(ranked.Count, share)));
        }
        return (dataset.Test.Where(chosen.Contains).ToList(), dataset.Test.Where(s => !chosen.Contains(s)).ToList());
    }

    /// <summary>How many of a stratum of <paramref name="count"/> images calibrate.</summary>
    public static int CalibrationCount(int count, double share) =>
        count < 2 ? 0 : Math.Clamp((int)Math.Round(share * count, MidpointRounding.AwayFromZero), 1, count - 1);

    /// <summary>The test images not among <paramref name="calibrationImages"/> (relative paths), and how many were left out.</summary>
    public static (IReadOnlyList<DatasetSample> Kept, int Excluded) Exclude(MvtecDataset dataset, IEnumerable<string> calibrationImages)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var excluded = calibrationImages.ToHashSet(StringComparer.Ordinal);
        var kept = dataset.Test.Where(s => !excluded.Contains(dataset.RelativePath(s))).ToList();
        return (kept, dataset.Test.Count - kept.Count);
    }

    private static byte[] Rank(int seed, string relativePath) =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"{seed.ToString(System.Globalization.CultureInfo.InvariantCulture)}\0{relativePath}"));
}
