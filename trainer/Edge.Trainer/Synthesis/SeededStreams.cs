namespace Edge.Trainer.Synthesis;

/// <summary>
/// One random stream per class and split of a generated data set, fixed by the seed alone, so that changing one
/// split's count leaves every other split's pictures alone.
/// </summary>
internal static class SeededStreams
{
    // A fixed mix (HashCode.Combine is randomized per process, which would break reproducibility).
    public static Random For(int seed, int classIndex, int split) =>
        new((int)(((long)seed * 1_000_003 + classIndex * 7_919 + split * 104_729) & int.MaxValue));
}
