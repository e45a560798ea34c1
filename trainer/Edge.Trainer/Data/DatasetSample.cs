namespace Edge.Trainer.Data;

/// <summary>One image of a data set: where it is, its product class, and (for test images) whether and where it is defective.</summary>
public sealed record DatasetSample(
    string ImagePath,
    string ProductClass,
    int ClassIndex,
    string Category,
    string? MaskPath)
{
    /// <summary>"good" images are normal; every other category is a defect kind.</summary>
    public bool IsAnomalous => Category != MvtecDataset.Good;
}
