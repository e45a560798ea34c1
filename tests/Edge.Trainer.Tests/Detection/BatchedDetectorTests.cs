using Edge.Bundles.Files;
using Edge.Bundles.Manifest;
using Edge.Detection;
using Edge.Trainer.Export;
using Edge.Trainer.Tests.Evaluation;

namespace Edge.Trainer.Tests.Detection;

public sealed class BatchedDetectorTests(TinyBundleFixture fixture) : IClassFixture<TinyBundleFixture>
{
    public static TheoryData<ScoringMethod> Methods => new() { ScoringMethod.BudgetXRecon, ScoringMethod.SsimXAlignment, ScoringMethod.ReconOnly };

    /// <summary>float32 across two batch shapes: |a - b| &lt;= 1e-4 + 1e-4 |b|.</summary>
    private static void AssertClose(float expected, float actual, string what)
    {
        var allowed = 1e-4 + 1e-4 * Math.Abs(expected);
        Assert.True(Math.Abs(actual - expected) <= allowed, $"{what}: batched {actual:R}, one by one {expected:R}");
    }

    private static float[][] Inputs(int count, int length)
    {
        var random = new Random(17);
        return Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, length).Select(_ => random.NextSingle()).ToArray()).ToArray();
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Five_tiles_scored_in_one_batch_give_the_maps_and_scores_of_scoring_them_one_by_one(ScoringMethod method)
    {
        var bundle = Bundle.Open(fixture.BundleFolder);
        using var model = BundleModel.Load(bundle, BundleExporter.DefaultScoring(method, bundle.Manifest.Input.Width));
        using var single = model.CreateDetector();
        using var batched = model.CreateDetector(batchSize: 5);
        var inputs = Inputs(5, batched.InputLength);
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i].CopyTo(batched.InputOf(i));
        }

        batched.DetectBatch(5, classId: 1);

        for (var i = 0; i < inputs.Length; i++)
        {
            var score = single.Detect(inputs[i], classId: 1);
            AssertClose(score, batched.ImageScoreOf(i), $"score of tile {i}");
            var expected = single.Map;
            var actual = batched.MapOf(i);
            Assert.Equal(expected.Length, actual.Length);
            for (var p = 0; p < expected.Length; p++)
            {
                AssertClose(expected[p], actual[p], $"map of tile {i} at {p}");
            }
        }
        Assert.NotEqual(batched.ImageScoreOf(0), batched.ImageScoreOf(1));
    }

    [Fact]
    public void A_partly_filled_batch_scores_its_first_tiles_like_one_by_one()
    {
        using var model = BundleModel.Open(fixture.BundleFolder);
        using var single = model.CreateDetector();
        using var batched = model.CreateDetector(batchSize: 4);
        var inputs = Inputs(2, batched.InputLength);
        inputs[0].CopyTo(batched.InputOf(0));
        inputs[1].CopyTo(batched.InputOf(1));

        batched.DetectBatch(2);

        AssertClose(single.Detect(inputs[0]), batched.ImageScoreOf(0), "score of tile 0");
        AssertClose(single.Detect(inputs[1]), batched.ImageScoreOf(1), "score of tile 1");
        Assert.Throws<ArgumentOutOfRangeException>(() => batched.DetectBatch(5));
    }

    [Fact]
    public void A_batched_detection_allocates_nothing_once_warm()
    {
        using var model = BundleModel.Open(fixture.BundleFolder);
        using var batched = model.CreateDetector(batchSize: 6);
        Inputs(1, batched.InputLength)[0].CopyTo(batched.InputOf(3));
        batched.DetectBatch(6);

        var before = GC.GetAllocatedBytesForCurrentThread();
        batched.DetectBatch(6);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
