using Edge.Onnx;
using Edge.Onnx.Building;

namespace Edge.Inference.Tests;

/// <summary>Graphs built with our builder, run in real ONNX Runtime, against values computed here with plain loops.</summary>
public sealed class OperatorTests
{
    private const float Tolerance = 1e-5f;

    [Fact]
    public void Conv_with_stride_padding_and_bias_matches_direct_convolution()
    {
        int cin = 2, cout = 3, size = 5, k = 3, stride = 2, pad = 1, outSize = 3;
        var weights = Enumerable.Range(0, cout * cin * k * k).Select(i => MathF.Sin(i)).ToArray();
        float[] bias = [0.1f, -0.2f, 0.3f];
        var g = new GraphBuilder("conv");
        var x = g.Input("x", ElementType.Float, "N", cin, size, size);
        var y = g.Conv(x, g.Initializer("w", weights, cout, cin, k, k), g.Initializer("b", bias, cout), [stride, stride], [pad, pad, pad, pad]);
        g.Output(y, "y", ElementType.Float, "N", cout, outSize, outSize);
        using var run = new GraphRunner(g.Build());
        var input = run.Binding.Input<float>("x");
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = MathF.Cos(i * 0.7f);
        }
        var inputCopy = input.ToArray();

        run.Binding.Run();

        var output = run.Binding.Output<float>("y");
        for (var o = 0; o < cout; o++)
        {
            for (var oy = 0; oy < outSize; oy++)
            {
                for (var ox = 0; ox < outSize; ox++)
                {
                    var sum = bias[o];
                    for (var c = 0; c < cin; c++)
                    {
                        for (var ky = 0; ky < k; ky++)
                        {
                            for (var kx = 0; kx < k; kx++)
                            {
                                int iy = oy * stride - pad + ky, ix = ox * stride - pad + kx;
                                if (iy >= 0 && iy < size && ix >= 0 && ix < size)
                                {
                                    sum += weights[((o * cin + c) * k + ky) * k + kx] * inputCopy[(c * size + iy) * size + ix];
                                }
                            }
                        }
                    }
                    Assert.Equal(sum, output[(o * outSize + oy) * outSize + ox], Tolerance);
                }
            }
        }
    }

    [Fact]
    public void ConvTranspose_with_stride_two_scatters_each_input_through_the_kernel()
    {
        int cin = 2, size = 3, k = 2, outSize = 6;
        var weights = Enumerable.Range(0, cin * 1 * k * k).Select(i => 1f - i * 0.1f).ToArray();
        var g = new GraphBuilder("convt");
        var x = g.Input("x", ElementType.Float, "N", cin, size, size);
        g.Output(g.ConvTranspose(x, g.Initializer("w", weights, cin, 1, k, k), strides: [2, 2]), "y", ElementType.Float, "N", 1, outSize, outSize);
        using var run = new GraphRunner(g.Build());
        var input = run.Binding.Input<float>("x");
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = i + 1;
        }
        var inputCopy = input.ToArray();

        run.Binding.Run();

        var expected = new float[outSize * outSize];
        for (var c = 0; c < cin; c++)
        {
            for (var iy = 0; iy < size; iy++)
            {
                for (var ix = 0; ix < size; ix++)
                {
                    for (var ky = 0; ky < k; ky++)
                    {
                        for (var kx = 0; kx < k; kx++)
                        {
                            expected[(iy * 2 + ky) * outSize + ix * 2 + kx] += inputCopy[(c * size + iy) * size + ix] * weights[(c * k + ky) * k + kx];
                        }
                    }
                }
            }
        }
        Assert.Equal(expected, run.Binding.Output<float>("y").ToArray(), new ToleranceComparer(Tolerance));
    }

    [Fact]
    public void Gemm_with_transposed_weight_alpha_and_bias_then_matmul_matches_hand_products()
    {
        var w = Enumerable.Range(0, 12).Select(i => (float)i).ToArray(); // [3, 4]
        float[] c = [1f, 2f, 3f];
        float[] m = [1f, 0f, 0f, 1f, 1f, 1f]; // [3, 2]
        var g = new GraphBuilder("gemm");
        var x = g.Input("x", ElementType.Float, "N", 4);
        var dense = g.Gemm(x, g.Initializer("w", w, 3, 4), g.Initializer("c", c, 3), alpha: 0.5f, transB: true);
        g.Output(g.MatMul(dense, g.Initializer("m", m, 3, 2)), "y", ElementType.Float, "N", 2);
        using var run = new GraphRunner(g.Build());
        float[] input = [1f, -1f, 2f, 0.5f];
        input.CopyTo(run.Binding.Input<float>("x"));

        run.Binding.Run();

        var hidden = new float[3];
        for (var j = 0; j < 3; j++)
        {
            hidden[j] = c[j] + 0.5f * Enumerable.Range(0, 4).Sum(i => input[i] * w[j * 4 + i]);
        }
        float[] expected = [hidden[0] + hidden[2], hidden[1] + hidden[2]];
        Assert.Equal(expected, run.Binding.Output<float>("y").ToArray(), new ToleranceComparer(1e-4f));
    }

    [Fact]
    public void Softmax_matches_exponentials_normalized_per_row()
    {
        var g = new GraphBuilder("softmax");
        var x = g.Input("x", ElementType.Float, "N", 4);
        g.Output(g.Softmax(x, 1), "y", ElementType.Float, "N", 4);
        using var run = new GraphRunner(g.Build());
        float[] input = [1f, 2f, 3f, -1f];
        input.CopyTo(run.Binding.Input<float>("x"));

        run.Binding.Run();

        var sum = input.Sum(MathF.Exp);
        Assert.Equal(input.Select(v => MathF.Exp(v) / sum).ToArray(), run.Binding.Output<float>("y").ToArray(), new ToleranceComparer(Tolerance));
    }

    [Fact]
    public void Nearest_code_search_with_argmin_and_reducemin_finds_each_latent_code()
    {
        using var run = new GraphRunner(NearestCodeModel(out var codes));
        float[] latents = [0.1f, 0.1f, 0.9f, 0.2f, 0.2f, 1.7f, -3f, -3f];
        latents.CopyTo(run.Binding.Input<float>("z"));

        run.Binding.Run();

        var indices = run.Binding.Output<long>("index").ToArray();
        var distances = run.Binding.Output<float>("distance").ToArray();
        for (var m = 0; m < 4; m++)
        {
            var d = Enumerable.Range(0, 3).Select(k => Sq(latents[2 * m] - codes[2 * k]) + Sq(latents[2 * m + 1] - codes[2 * k + 1])).ToArray();
            Assert.Equal(Array.IndexOf(d, d.Min()), indices[m]);
            Assert.Equal(d.Min(), distances[m], 1e-4f);
        }
        Assert.Equal([0L, 1L, 2L, 0L], indices);
    }

    [Fact]
    public void Gather_picks_table_rows_by_index()
    {
        var g = new GraphBuilder("gather");
        var indices = g.Input("i", ElementType.Int64, 3);
        g.Output(g.Gather(g.Initializer("t", [10f, 11f, 20f, 21f, 30f, 31f], 3, 2), indices), "rows", ElementType.Float, 3, 2);
        using var run = new GraphRunner(g.Build());
        new long[] { 2, 0, 2 }.CopyTo(run.Binding.Input<long>("i"));

        run.Binding.Run();

        Assert.Equal([30f, 31f, 10f, 11f, 30f, 31f], run.Binding.Output<float>("rows").ToArray());
    }

    [Fact]
    public void Resize_nearest_repeats_pixels_and_linear_interpolates_with_half_pixel_centres()
    {
        var g = new GraphBuilder("resize");
        var x = g.Input("x", ElementType.Float, 1, 1, 2, 2);
        g.Output(g.ResizeByScales(x, [1, 1, 2, 2], ResizeMode.Nearest, "asymmetric", "floor"), "nearest", ElementType.Float, 1, 1, 4, 4);
        g.Output(g.ResizeToSizes(x, [1, 1, 4, 4], ResizeMode.Linear, "half_pixel"), "linear", ElementType.Float, 1, 1, 4, 4);
        using var run = new GraphRunner(g.Build());
        new[] { 1f, 2f, 3f, 4f }.CopyTo(run.Binding.Input<float>("x"));

        run.Binding.Run();

        Assert.Equal([1f, 1f, 2f, 2f, 1f, 1f, 2f, 2f, 3f, 3f, 4f, 4f, 3f, 3f, 4f, 4f], run.Binding.Output<float>("nearest").ToArray());
        // Half-pixel: output x maps to (x + 0.5) / 2 - 0.5 = -0.25, 0.25, 0.75, 1.25, clamped at the edges.
        float[] row0 = [1f, 1.25f, 1.75f, 2f];
        var linear = run.Binding.Output<float>("linear").ToArray();
        Assert.Equal(row0, linear[..4], new ToleranceComparer(Tolerance));
        Assert.Equal([1.5f, 1.75f, 2.25f, 2.5f], linear[4..8], new ToleranceComparer(Tolerance));
    }

    [Fact]
    public void Add_and_mul_broadcast_a_row_over_a_batch()
    {
        var g = new GraphBuilder("arith");
        var a = g.Input("a", ElementType.Float, "N", 3);
        var row = g.Initializer("row", [1f, 2f, 3f], 3);
        g.Output(g.Mul(g.Add(a, row), row), "y", ElementType.Float, "N", 3);
        using var run = new GraphRunner(g.Build());
        new[] { 1f, 1f, 1f }.CopyTo(run.Binding.Input<float>("a"));

        run.Binding.Run();

        Assert.Equal([2f, 6f, 12f], run.Binding.Output<float>("y").ToArray());
    }

    internal static OnnxModel NearestCodeModel(out float[] codes)
    {
        codes = [0f, 0f, 1f, 0f, 0f, 2f];
        var g = new GraphBuilder("nearest_code");
        var z = g.Input("z", ElementType.Float, 4, 2);
        var table = g.Initializer("codes", codes, 3, 2);
        var zz = g.ReduceSum(g.Mul(z, z), [1], keepDims: true);
        var cc = g.ReduceSum(g.Mul(table, table), [1], keepDims: false);
        var distances = g.Add(g.Sub(zz, g.Mul(g.Scalar(2f), g.Gemm(z, table, transB: true))), cc);
        g.Output(g.ArgMin(distances, 1, keepDims: false), "index", ElementType.Int64, 4);
        g.Output(g.ReduceMin(distances, [1], keepDims: false), "distance", ElementType.Float, 4);
        return g.Build();
    }

    private static float Sq(float v) => v * v;
}
