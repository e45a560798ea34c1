using System.Globalization;
using System.Text.Json;
using Edge.Scoring.Maps;
using Edge.Testing;

namespace Edge.Scoring.Tests.Maps;

public sealed class SsimMapTests
{
    private const int Width = 9;
    private const int Height = 7;

    [Fact]
    public void Wang_s_constants_are_k_times_the_data_range_squared()
    {
        Assert.Equal(1e-4f, SsimMap.C1);
        Assert.Equal(9e-4f, SsimMap.C2);
        Assert.Equal(1e-4f, SsimMap.Constant(0.01, 1));
        Assert.Equal(58.5225f, SsimMap.Constant(0.03, 255), 3);
    }

    [Fact]
    public void The_default_ssim_is_wang_s_gaussian_window_and_constants_as_numpy_computes_it_pixel_by_pixel()
    {
        var (x, y) = Images(channels: 3, seed: 4);
        var ours = new float[Width * Height];
        new SsimMap(Width, Height).Compute(x, y, 3, ours);

        // numpy, pixel by pixel: an 11 x 11 window of Gaussian weights (sigma 1.5, normalized) over the image padded by
        // mirroring with the edge sample repeated, population statistics, C1 = (0.01 * 1)^2, C2 = (0.03 * 1)^2.
        var reference = JsonSerializer.Deserialize<double[]>(ExternalTool.Python(
            """
            import json, sys
            import numpy as np
            w, h, c = 9, 7, 3
            x = np.array(json.loads(sys.argv[1]), dtype=np.float64).reshape(c, h, w)
            y = np.array(json.loads(sys.argv[2]), dtype=np.float64).reshape(c, h, w)
            r = 5
            g = np.exp(-0.5 * np.arange(-r, r + 1) ** 2 / 1.5 ** 2)
            g = g / g.sum()
            win = np.outer(g, g)
            c1, c2 = (0.01 * 1.0) ** 2, (0.03 * 1.0) ** 2
            out = np.zeros((h, w))
            for ch in range(c):
                px = np.pad(x[ch], r, mode='symmetric')
                py = np.pad(y[ch], r, mode='symmetric')
                for i in range(h):
                    for j in range(w):
                        a = px[i:i + 2 * r + 1, j:j + 2 * r + 1]
                        b = py[i:i + 2 * r + 1, j:j + 2 * r + 1]
                        ma, mb = (win * a).sum(), (win * b).sum()
                        va = (win * (a - ma) ** 2).sum()
                        vb = (win * (b - mb) ** 2).sum()
                        cov = (win * (a - ma) * (b - mb)).sum()
                        s = (2 * ma * mb + c1) * (2 * cov + c2) / ((ma * ma + mb * mb + c1) * (va + vb + c2))
                        out[i, j] += (1 - s) / c
            print(json.dumps(out.flatten().tolist()))
            """,
            Json(x), Json(y)))!;

        Assert.Equal(reference.Length, ours.Length);
        for (var i = 0; i < ours.Length; i++)
        {
            Assert.Equal(reference[i], ours[i], 4);
        }
        // Not a map of zeros: the images differ enough for the comparison to mean something.
        Assert.True(reference.Min() > 0.01, $"smallest 1 - SSIM {reference.Min()}");
    }

    [Fact]
    public void A_uniform_window_and_another_data_range_match_the_windowed_formula_written_out()
    {
        var (x, y) = Images(channels: 1, seed: 9);
        for (var i = 0; i < x.Length; i++)
        {
            // Values on [0, 2]: data range L = 2.
            x[i] *= 2;
            y[i] *= 2;
        }
        var window = new SsimWindow(Gaussian: false, Size: 5, Sigma: 0);
        float c1 = SsimMap.Constant(0.01, 2), c2 = SsimMap.Constant(0.03, 2);
        var ours = new float[Width * Height];
        new SsimMap(Width, Height, window, c1, c2).Compute(x, y, 1, ours);

        for (var py = 0; py < Height; py++)
        {
            for (var px = 0; px < Width; px++)
            {
                // Equal weights over the 5 x 5 square around the pixel, mirrored at the borders (edge sample repeated).
                double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
                for (var dy = -2; dy <= 2; dy++)
                {
                    for (var dx = -2; dx <= 2; dx++)
                    {
                        var index = Mirror(py + dy, Height) * Width + Mirror(px + dx, Width);
                        double a = x[index], b = y[index];
                        sx += a / 25;
                        sy += b / 25;
                        sxx += a * a / 25;
                        syy += b * b / 25;
                        sxy += a * b / 25;
                    }
                }
                var ssim = (2 * sx * sy + 0.0004) * (2 * (sxy - sx * sy) + 0.0036)
                    / ((sx * sx + sy * sy + 0.0004) * (sxx - sx * sx + syy - sy * sy + 0.0036));
                Assert.Equal(1 - ssim, ours[py * Width + px], 4);
            }
        }
    }

    [Fact]
    public void Dssim_is_zero_for_identical_images_and_the_literal_constants_give_the_hand_formula()
    {
        var (image, _) = Images(channels: 3, seed: 2);
        var map = new float[Width * Height];
        new SsimMap(Width, Height).Compute(image, image, 3, map);
        Assert.All(map, v => Assert.Equal(0f, v, 5));

        // Two constant images: the variances vanish, so SSIM = (2ab + C1) / (a^2 + b^2 + C1), with Wang's C1 here (to
        // float32's precision: the local variances E[x^2] - E[x]^2 are differences of nearly equal numbers, set
        // against C2 = 0.0009) ...
        var a = Enumerable.Repeat(0.2f, Width * Height).ToArray();
        var b = Enumerable.Repeat(0.6f, Width * Height).ToArray();
        new SsimMap(Width, Height).Compute(a, b, 1, map);
        Assert.All(map, v => Assert.Equal(1 - (2 * 0.2 * 0.6 + 1e-4) / (0.2 * 0.2 + 0.6 * 0.6 + 1e-4), v, 3));
        // ... and with the seed's numbers read literally as C1 = 0.01, C2 = 0.03.
        new SsimMap(Width, Height, SsimWindow.Wang, 0.01f, 0.03f).Compute(a, b, 1, map);
        Assert.All(map, v => Assert.Equal(1 - (2 * 0.2 * 0.6 + 0.01) / (0.2 * 0.2 + 0.6 * 0.6 + 0.01), v, 4));
    }

    [Fact]
    public void Wang_s_window_has_eleven_normalized_gaussian_taps()
    {
        var taps = SsimWindow.Wang.Taps();

        Assert.Equal(11, taps.Length);
        Assert.Equal(1f, taps.Sum(), 5);
        Assert.Equal(MathF.Exp(-0.5f * 25 / 2.25f), taps[0] / taps[5], 5);
        Assert.Throws<ArgumentException>(() => new SsimWindow(true, 4, 1.5f).Taps());
    }

    private static (float[] X, float[] Y) Images(int channels, int seed)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, channels * Width * Height).Select(_ => random.NextSingle()).ToArray();
        // The reconstruction: the image with noise, clamped to [0, 1].
        var y = x.Select(v => Math.Clamp(v + 0.3f * (random.NextSingle() - 0.5f), 0f, 1f)).ToArray();
        return (x, y);
    }

    private static int Mirror(int i, int n) => i < 0 ? -i - 1 : i >= n ? 2 * n - i - 1 : i;

    private static string Json(float[] values) =>
        "[" + string.Join(",", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]";
}
