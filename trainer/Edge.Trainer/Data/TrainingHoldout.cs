namespace Edge.Trainer.Data;

/// <summary>
/// Holds back a share of each product class's normal training images, chosen by a seeded shuffle, so training can
/// watch a loss on images it never steps on. A class keeps at least two training images; a class too small to give
/// one image away gives none.
/// </summary>
public static class TrainingHoldout
{
    public static (IReadOnlyList<DatasetSample> Train, IReadOnlyList<DatasetSample> Validation) Split(
        IReadOnlyList<DatasetSample> samples, double share, int seed)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegative(share);
        var train = new List<DatasetSample>();
        var validation = new List<DatasetSample>();
        foreach (var group in samples.GroupBy(s => s.ClassIndex).OrderBy(g => g.Key))
        {
            // Sorted by path first: the split depends on the seed and the files, not on directory enumeration order.
            var ordered = group.OrderBy(s => s.ImagePath, StringComparer.Ordinal).ToArray();
            var random = new Random(unchecked((seed * 7_919) + group.Key));
            random.Shuffle(ordered);
            var held = Math.Min((int)Math.Round(ordered.Length * share), ordered.Length - 2);
            held = Math.Max(held, 0);
            validation.AddRange(ordered.Take(held));
            train.AddRange(ordered.Skip(held));
        }
        return (train, validation);
    }
}
