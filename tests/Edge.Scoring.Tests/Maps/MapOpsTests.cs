using System.Text.Json;
using Edge.Scoring.Maps;
using Edge.Testing;

namespace Edge.Scoring.Tests.Maps;

public sealed class MapOpsTests
{
    [Fact]
    public void Bilinear_upsampling_matches_pytorch_interpolate_without_aligned_corners()
    {
        float[] cells = [1f, 2f, 3f, 4f, 5f, 6f];
        var ours = new float[6 * 4];
        MapOps.ResizeBilinear(cells, 3, 2, ours, 6, 4);

        var torch = JsonSerializer.Deserialize<float[]>(ExternalTool.Python(
            "import torch, json; x = torch.tensor([[1.,2.,3.],[4.,5.,6.]])[None, None];"
            + "print(json.dumps(torch.nn.functional.interpolate(x, size=(4, 6), mode='bilinear', align_corners=False).flatten().tolist()))"))!;

        Assert.Equal(torch.Length, ours.Length);
        for (var i = 0; i < ours.Length; i++)
        {
            Assert.Equal(torch[i], ours[i], 5);
        }
    }

    [Fact]
    public void Squared_error_sums_over_channels()
    {
        float[] image = [1f, 2f, 0f, 0f];
        float[] reconstruction = [0f, 2f, 3f, 1f];
        var error = new float[2];

        MapOps.SquaredError(image, reconstruction, 2, error);

        Assert.Equal([1f + 9f, 0f + 1f], error);
    }

    [Fact]
    public void Dilation_spreads_a_peak_over_the_window_and_clips_at_borders()
    {
        var map = new float[5 * 5];
        map[0] = 7f;
        map[12] = 3f;

        MapOps.Dilate(map, 5, 5, 3, new float[25]);

        Assert.Equal(7f, map[0]);
        Assert.Equal(7f, map[6]);
        Assert.Equal(3f, map[18]);
        Assert.Equal(3f, map[7]);
        Assert.Equal(0f, map[24]);
        Assert.Equal(0f, map[4]);
    }

    [Fact]
    public void Gaussian_blur_keeps_a_constant_map_and_spreads_an_impulse_as_the_normalized_kernel()
    {
        var constant = Enumerable.Repeat(2.5f, 9 * 9).ToArray();
        var blur = new GaussianBlur(9, 9, 1f);
        blur.Apply(constant);
        Assert.All(constant, v => Assert.Equal(2.5f, v, 5));

        var impulse = new float[9 * 9];
        impulse[4 * 9 + 4] = 1f;
        blur.Apply(impulse);
        var g = Enumerable.Range(-4, 9).Select(i => Math.Exp(-0.5 * i * i)).ToArray();
        var norm = g.Sum();
        Assert.Equal(g[4] * g[4] / (norm * norm), impulse[4 * 9 + 4], 5);
        Assert.Equal(g[4] * g[5] / (norm * norm), impulse[4 * 9 + 5], 5);
        Assert.Equal(1.0, impulse.Sum(), 4);
    }

    [Theory]
    [InlineData(64, 48, 4f)]
    [InlineData(37, 29, 2.5f)]
    [InlineData(8, 8, 4f)]
    public void Gaussian_blur_equals_the_direct_separable_sum_with_reflected_indices_on_a_random_map(int width, int height, float sigma)
    {
        var random = new Random(11);
        var map = Enumerable.Range(0, width * height).Select(_ => random.NextSingle()).ToArray();
        var radius = (int)(4 * sigma + 0.5f);
        var kernel = Enumerable.Range(-radius, 2 * radius + 1).Select(i => Math.Exp(-0.5 * i * i / (sigma * sigma))).ToArray();
        var norm = kernel.Sum();
        static int Reflect(int i, int n)
        {
            while (i < 0 || i >= n)
            {
                i = i < 0 ? -i - 1 : 2 * n - i - 1;
            }
            return i;
        }
        var expected = new double[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                double sum = 0;
                for (var j = -radius; j <= radius; j++)
                {
                    for (var i = -radius; i <= radius; i++)
                    {
                        sum += kernel[j + radius] * kernel[i + radius] / (norm * norm) * map[Reflect(y + j, height) * width + Reflect(x + i, width)];
                    }
                }
                expected[y * width + x] = sum;
            }
        }

        new GaussianBlur(width, height, sigma).Apply(map);

        // float sums against a double reference: agreement to about 1e-6 of values below 1.
        var worst = expected.Select((e, i) => Math.Abs(e - map[i])).Max();
        Assert.True(worst < 1e-5, $"largest difference {worst}");
    }

    [Fact]
    public void Gaussian_blur_reflects_at_the_border_like_scipy()
    {
        // Row [1, 0, 0, 0, 0], sigma 1: with the edge sample repeated the left neighbour of x=0 is 1 again.
        var map = new float[5];
        map[0] = 1f;
        new GaussianBlur(5, 1, 1f).Apply(map);
        var g = Enumerable.Range(-4, 9).Select(i => Math.Exp(-0.5 * i * i)).ToArray();
        var norm = g.Sum();

        Assert.Equal((g[4] + g[3]) / norm, map[0], 5);
        Assert.Equal((g[3] + g[2]) / norm, map[1], 5);
    }

    [Fact]
    public void Budget_score_is_cross_entropy_times_squared_error_of_the_prior_reconstruction()
    {
        // 2x2 cells on a 4x4 image, sigma 0 (no smoothing): every cell covers a 2x2 pixel block.
        var scorer = new DefectMapScorer(imageSize: 4, channels: 1, cellGrid: 2);
        long[] chosen = [0, 1, 2, 0];
        float[] prior = [0.5f, 0.25f, 0.25f, /**/ 0.5f, 0.25f, 0.25f, /**/ 0.1f, 0.1f, 0.8f, /**/ 1f, 0f, 0f];
        var image = new float[16];
        var reconstruction = Enumerable.Repeat(1f, 16).ToArray();
        var map = new float[16];

        scorer.BudgetMap(chosen, prior, 3, 2, image, reconstruction, map);
        var score = new ImageScorer(4, 4, smoothingSigma: 0f, quantile: null).Score(map, []);

        // Uniform squared error 1; the cell map -log p = [ln2, ln4; -ln0.8, 0] upsampled bilinearly.
        var cells = new[] { MathF.Log(2), MathF.Log(4), -MathF.Log(0.8f), 0f };
        var expected = new float[16];
        MapOps.ResizeBilinear(cells, 2, 2, expected, 4, 4);
        for (var i = 0; i < 16; i++)
        {
            Assert.Equal(expected[i], map[i], 5);
        }
        Assert.Equal(MathF.Log(4), score, 5);
    }

    [Fact]
    public void Budget_score_of_an_impossible_choice_is_finite()
    {
        var scorer = new DefectMapScorer(4, 1, 1);
        var map = new float[16];

        scorer.BudgetMap([1], [1f, 0f, 0f], 3, 1, new float[16], Enumerable.Repeat(1f, 16).ToArray(), map);
        var score = new ImageScorer(4, 4, smoothingSigma: 0f, quantile: null).Score(map, []);

        Assert.Equal(-MathF.Log(1e-6f), score, 3);
    }

    [Fact]
    public void Steady_scoring_allocates_nothing()
    {
        var scorer = new DefectMapScorer(64, 3, 4);
        var chosen = new long[16];
        var prior = Enumerable.Repeat(1f / 3, 48).ToArray();
        var image = new float[3 * 64 * 64];
        var reconstruction = new float[3 * 64 * 64];
        var alignment = new float[16 * 16];
        var map = new float[64 * 64];
        var inside = Enumerable.Range(0, 64 * 64).Select(i => i % 3 == 0).ToArray();
        var images = new ImageScorer(64, 64, smoothingSigma: 1f, quantile: 0.99);
        scorer.BudgetMap(chosen, prior, 3, 4, image, reconstruction, map);
        images.Score(map, inside);
        scorer.SsimAlignmentMap(alignment, 16, image, reconstruction, map);
        images.Score(map, []);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++)
        {
            scorer.BudgetMap(chosen, prior, 3, 4, image, reconstruction, map);
            images.Score(map, inside);
            scorer.SsimAlignmentMap(alignment, 16, image, reconstruction, map);
            images.Score(map, []);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
