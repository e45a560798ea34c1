using Edge.Testing;
using Edge.Trainer.Data;
using Edge.Trainer.Evaluation;

namespace Edge.Trainer.Tests.Evaluation;

/// <summary>
/// The calibration split on a data set of empty image files (the split reads names only). Expected images were
/// worked out independently: sorted by SHA-256 of "seed\0path" in Python's hashlib.
/// </summary>
public sealed class ValidationSplitTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public ValidationSplitTests()
    {
        Touch("grain/train/good/000.png");
        foreach (var (category, count) in new[] { ("good", 10), ("stain", 5), ("hole", 2), ("scratch", 1) })
        {
            for (var i = 0; i < count; i++)
            {
                Touch($"grain/test/{category}/{i:000}.png");
            }
        }
    }

    [Fact]
    public void The_split_is_the_same_for_a_seed_and_takes_the_share_of_each_class_and_category()
    {
        var dataset = MvtecDataset.Open(_folder.Path);

        var (calibration, evaluation) = ValidationSplit.Draw(dataset, 0.3, seed: 0);
        var again = ValidationSplit.Draw(dataset, 0.3, seed: 0).Calibration;

        // round(0.3 x 10) = 3 good, round(1.5) = 2 stains, round(0.6) = 1 hole, and the single scratch stays for evaluation.
        Assert.Equal(
            ["grain/test/good/002.png", "grain/test/good/005.png", "grain/test/good/009.png", "grain/test/hole/001.png", "grain/test/stain/001.png", "grain/test/stain/002.png"],
            calibration.Select(dataset.RelativePath).Order(StringComparer.Ordinal));
        Assert.Equal(calibration, again);
        Assert.Equal(18 - 6, evaluation.Count);
        Assert.Empty(calibration.Intersect(evaluation));
        Assert.All(new[] { "good", "stain", "hole" }, kind =>
        {
            Assert.Contains(calibration, s => s.Category == kind);
            Assert.Contains(evaluation, s => s.Category == kind);
        });
        Assert.Contains(evaluation, s => s.Category == "scratch");
    }

    [Fact]
    public void Another_seed_draws_other_images_in_the_same_numbers()
    {
        var dataset = MvtecDataset.Open(_folder.Path);

        var calibration = ValidationSplit.Draw(dataset, 0.3, seed: 1).Calibration;

        Assert.Equal(
            ["grain/test/good/001.png", "grain/test/good/002.png", "grain/test/good/009.png", "grain/test/hole/001.png", "grain/test/stain/002.png", "grain/test/stain/004.png"],
            calibration.Select(dataset.RelativePath).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Excluding_the_listed_calibration_images_leaves_exactly_the_evaluation_side()
    {
        var dataset = MvtecDataset.Open(_folder.Path);
        var (calibration, evaluation) = ValidationSplit.Draw(dataset, 0.5, seed: 4);

        var (kept, excluded) = ValidationSplit.Exclude(dataset, calibration.Select(dataset.RelativePath).Append("grain/test/good/999.png"));

        Assert.Equal(evaluation, kept);
        Assert.Equal(calibration.Count, excluded);
    }

    [Theory]
    [InlineData(1, 0.3, 0)]
    [InlineData(2, 0.3, 1)]
    [InlineData(2, 0.9, 1)]
    [InlineData(5, 0.3, 2)]
    [InlineData(10, 0.3, 3)]
    [InlineData(10, 0.01, 1)]
    public void A_stratum_of_two_or_more_images_calibrates_on_at_least_one_and_keeps_one(int count, double share, int expected)
    {
        Assert.Equal(expected, ValidationSplit.CalibrationCount(count, share));
    }

    public void Dispose() => _folder.Dispose();

    private void Touch(string relative)
    {
        var path = _folder.File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, []);
    }
}
